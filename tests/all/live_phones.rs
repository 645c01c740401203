//! Simulated phones for the live tests: a small HTTP/1 client on tokio that talks the phone
//! protocol (`notes/live-protocol.md`) to a server on 127.0.0.1.

use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper_util::client::legacy::{Client, connect::HttpConnector};
use hyper_util::rt::TokioExecutor;
use serde_json::Value;
use std::time::Duration;

pub struct Phone {
    pub token: String,
    base: String,
    client: Client<HttpConnector, Full<Bytes>>,
}

impl Phone {
    pub fn new(base: &str, n: usize) -> Phone {
        Phone {
            token: format!("{:032x}", n + 1),
            base: base.trim_end_matches('/').to_string(),
            client: Client::builder(TokioExecutor::new()).build_http(),
        }
    }

    async fn send(&self, method: &str, path: &str, body: Option<Value>) -> (u16, Value) {
        let request = hyper::Request::builder()
            .method(method)
            .uri(format!("{}{path}", self.base))
            .header("cookie", format!("stelling_device={}", self.token))
            .header("content-type", "application/json")
            .body(Full::new(Bytes::from(
                body.map(|b| b.to_string()).unwrap_or_default(),
            )))
            .unwrap();
        let response = self
            .client
            .request(request)
            .await
            .expect("the server answers");
        let status = response.status().as_u16();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        (
            status,
            serde_json::from_slice(&bytes).unwrap_or(Value::Null),
        )
    }

    pub async fn state(&self) -> (u16, Value) {
        self.send("GET", "/state", None).await
    }

    pub async fn vote(&self, round: &str, option: &str) -> (u16, Value) {
        let body = serde_json::json!({"round": round, "option": option});
        self.send("POST", "/vote", Some(body)).await
    }

    pub async fn group(&self, group: &str) -> (u16, Value) {
        self.send("POST", "/group", Some(serde_json::json!({"group": group})))
            .await
    }

    /// Follows `/events`: sends each announced version on `versions` until the stream ends
    /// or `limit` passes.
    pub async fn follow(&self, versions: tokio::sync::mpsc::UnboundedSender<u64>, limit: Duration) {
        let request = hyper::Request::get(format!("{}/events", self.base))
            .header("cookie", format!("stelling_device={}", self.token))
            .body(Full::new(Bytes::new()))
            .unwrap();
        let Ok(response) = self.client.request(request).await else {
            return;
        };
        let mut body = response.into_body();
        let mut text = String::new();
        let _ = tokio::time::timeout(limit, async {
            while let Some(Ok(frame)) = body.frame().await {
                let Some(data) = frame.data_ref() else {
                    continue;
                };
                text.push_str(&String::from_utf8_lossy(data));
                while let Some(end) = text.find("\n\n") {
                    let event: String = text.drain(..end + 2).collect();
                    if let Some(v) = version_of(&event) {
                        let _ = versions.send(v);
                    }
                }
            }
        })
        .await;
    }
}

/// The version in an SSE `state` event.
fn version_of(event: &str) -> Option<u64> {
    let data = event.lines().find_map(|l| l.strip_prefix("data:"))?;
    serde_json::from_str::<Value>(data.trim()).ok()?["version"].as_u64()
}
