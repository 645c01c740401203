//! The live server's request handling without a socket (`tower::ServiceExt::oneshot`): limits,
//! refusals with a message in the session's language, JSON escaping, and no panic on any
//! request (a property test over arbitrary methods, paths, headers and bodies).

use super::support::live;
use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use proptest::prelude::*;
use std::sync::mpsc;
use stelling::live::server::test_router;
use stelling::live::{Incoming, LiveConfig, Rate, Room, View};
use stelling::model::*;
use tower::ServiceExt;

const PROP: Id = Id(100);
const A: Id = Id(101);
const R1: Id = Id(110);
const TOKEN: &str = "00112233445566778899aabbccddeeff";

fn session(text: &str) -> Session {
    let mut s = Session::new("Requests", Language::Nl);
    let mut item = Item::new(&s, ItemKind::Proposition, text);
    item.id = PROP;
    item.options = vec![ResponseOption {
        id: A,
        label: "eens".into(),
    }];
    item.rounds = vec![Round::new(R1, "")];
    s.agenda.push(item);
    s
}

fn serve(config: LiveConfig, text: &str) -> (Router, mpsc::Receiver<Incoming>) {
    let s = session(text);
    let mut view = View::default();
    view.show(Some(PROP), Some(R1));
    let (tx, rx) = mpsc::channel();
    (test_router(config, Room::of(&s, &view), tx), rx)
}

fn config() -> LiveConfig {
    LiveConfig::loopback(Id(1), Language::Nl, 0)
}

/// A rate that allows `burst` requests and then, for the length of a test, none.
fn burst_only(burst: u32) -> Rate {
    Rate {
        burst,
        per_second: 0.001,
    }
}

async fn send(router: &Router, request: Request<Body>) -> (StatusCode, String) {
    let response = router.clone().oneshot(request).await.unwrap();
    let status = response.status();
    assert_eq!(
        response.headers().get("cache-control").unwrap(),
        "no-store",
        "every response"
    );
    let body = response.into_body().collect().await.unwrap().to_bytes();
    (status, String::from_utf8_lossy(&body).into_owned())
}

fn vote(option: Id) -> Request<Body> {
    Request::post("/vote")
        .header("x-stelling-device", TOKEN)
        .body(Body::from(format!(
            r#"{{"round":"{R1}","option":"{option}"}}"#
        )))
        .unwrap()
}

#[test]
fn state_is_json_with_the_text_escaped() {
    let text = "Zeg \"ja\" <script>alert(1)</script> & \\ \n verder";
    let (router, _rx) = serve(config(), text);
    let (status, body) = live::runtime().block_on(send(
        &router,
        Request::get("/state").body(Body::empty()).unwrap(),
    ));
    assert_eq!(status, StatusCode::OK);
    assert!(!body.contains("<script>"), "{body}");
    let state: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(state["item"]["text"], text);
    assert_eq!(state["language"], "nl");
    assert_eq!(state["round"]["label"], "Ronde 1");
    assert!(state["results"].is_null(), "no results before the reveal");
}

#[test]
fn a_vote_goes_to_the_host_once() {
    let (router, rx) = serve(config(), "x");
    let rt = live::runtime();
    for _ in 0..3 {
        let (status, body) = rt.block_on(send(&router, vote(A)));
        assert_eq!(status, StatusCode::OK, "{body}");
        let state: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!(state["my_answer"], A.to_string().as_str());
    }
    let got: Vec<Incoming> = rx.try_iter().collect();
    assert_eq!(got.len(), 1, "a replay sends nothing: {got:?}");
    assert!(
        matches!(&got[0], Incoming::Vote { option, round, .. } if *option == A && *round == R1)
    );
}

#[test]
fn refusals_say_why_in_the_sessions_language() {
    let rt = live::runtime();
    let (router, _rx) = serve(config(), "x");
    // Too large.
    let big = Request::post("/vote")
        .header("x-stelling-device", TOKEN)
        .body(Body::from(vec![b' '; 5000]))
        .unwrap();
    let (status, _) = rt.block_on(send(&router, big));
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    // Not JSON.
    let bad = Request::post("/vote")
        .header("x-stelling-device", TOKEN)
        .body(Body::from("{nope"))
        .unwrap();
    let (status, body) = rt.block_on(send(&router, bad));
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("\"message\""), "{body}");
    // No device token.
    let anonymous = Request::post("/vote")
        .body(Body::from(format!(r#"{{"round":"{R1}","option":"{A}"}}"#)))
        .unwrap();
    assert_eq!(
        rt.block_on(send(&router, anonymous)).0,
        StatusCode::BAD_REQUEST
    );
    // An unknown answer, a round that is not open.
    assert_eq!(
        rt.block_on(send(&router, vote(Id(5)))).0,
        StatusCode::BAD_REQUEST
    );
    let other_round = Request::post("/vote")
        .header("x-stelling-device", TOKEN)
        .body(Body::from(format!(
            r#"{{"round":"{}","option":"{A}"}}"#,
            Id(9)
        )))
        .unwrap();
    let (status, body) = rt.block_on(send(&router, other_round));
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(
        body.contains("gesloten"),
        "Dutch session, Dutch message: {body}"
    );
    // Unknown path.
    let (status, _) = rt.block_on(send(
        &router,
        Request::get("/admin").body(Body::empty()).unwrap(),
    ));
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[test]
fn rate_limits_and_the_device_cap_answer_politely() {
    let rt = live::runtime();
    let limited = LiveConfig {
        per_device: burst_only(2),
        ..config()
    };
    let (router, _rx) = serve(limited, "x");
    assert_eq!(rt.block_on(send(&router, vote(A))).0, StatusCode::OK);
    assert_eq!(rt.block_on(send(&router, vote(A))).0, StatusCode::OK);
    let (status, body) = rt.block_on(send(&router, vote(A)));
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert!(body.contains("\"message\""), "{body}");

    let per_address = LiveConfig {
        per_address: burst_only(3),
        ..config()
    };
    let (router, _rx) = serve(per_address, "x");
    let state = || Request::get("/state").body(Body::empty()).unwrap();
    for _ in 0..3 {
        assert_eq!(rt.block_on(send(&router, state())).0, StatusCode::OK);
    }
    assert_eq!(
        rt.block_on(send(&router, state())).0,
        StatusCode::TOO_MANY_REQUESTS
    );

    let capped = LiveConfig {
        max_devices: 1,
        ..config()
    };
    let (router, _rx) = serve(capped, "x");
    let as_device = |token: &str| {
        Request::get("/state")
            .header("cookie", format!("other=1; stelling_device={token}"))
            .body(Body::empty())
            .unwrap()
    };
    assert_eq!(
        rt.block_on(send(&router, as_device(TOKEN))).0,
        StatusCode::OK
    );
    assert_eq!(
        rt.block_on(send(&router, as_device(TOKEN))).0,
        StatusCode::OK
    );
    let (status, body) = rt.block_on(send(&router, as_device(&"f".repeat(32))));
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(body.contains("\"full\""), "{body}");
}

#[test]
fn the_page_is_served_in_the_sessions_language() {
    let (router, _rx) = serve(config(), "x");
    let (status, body) = live::runtime().block_on(send(
        &router,
        Request::get("/").body(Body::empty()).unwrap(),
    ));
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("<html lang=\"nl\">"), "{body}");
    // The first paint's words come with the page, in the session's language.
    let wait = stelling::model::words(Language::Nl).phone.wait;
    assert!(body.contains(&format!("\"wait\":\"{wait}\"")), "{body}");
    assert!(!body.contains("{{"), "a placeholder left: {body}");
    assert!(body.len() <= 60 * 1024);
}

fn method() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH",
    ])
}

fn path() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec!["/", "/state", "/vote", "/group", "/events", "/x"])
            .prop_map(String::from),
        "/[a-zA-Z0-9%._~?=&/-]{0,40}",
    ]
}

fn body() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..200),
        prop::collection::vec(any::<u8>(), 4000..4200),
        Just(format!(r#"{{"round":"{R1}","option":"{A}"}}"#).into_bytes()),
        "\\{\"(round|option|group)\":(\"[0-9a-f]{0,20}\"|null|[0-9]{1,5}|\\[\\]|\\{\\})\\}"
            .prop_map(String::into_bytes),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]
    #[test]
    fn no_request_makes_the_server_panic(
        method in method(),
        path in path(),
        body in body(),
        cookie in "[ -~]{0,60}",
        device in prop_oneof!["[0-9a-fA-F]{32}", "[ -~]{0,40}"],
        content_type in prop::sample::select(vec!["application/json", "text/plain", "", "multipart/form-data"]),
    ) {
        let (router, _rx) = serve(config(), "x");
        let mut request = Request::builder().method(method).uri(path.as_str());
        for (name, value) in [("cookie", cookie.as_str()), ("x-stelling-device", device.as_str()), ("content-type", content_type)] {
            if axum::http::HeaderValue::from_str(value).is_ok() {
                request = request.header(name, value);
            }
        }
        let Ok(request) = request.body(Body::from(body)) else { return Ok(()); };
        let rt = live::runtime();
        let response = rt.block_on(async {
            let response = router.clone().oneshot(request).await.unwrap();
            let status = response.status();
            // The push stream never ends by itself: read only its head.
            if path == "/events" && status == StatusCode::OK {
                return status;
            }
            let _ = response.into_body().collect().await;
            status
        });
        prop_assert!(
            [200, 400, 404, 405, 409, 413, 429, 503].contains(&response.as_u16()),
            "{method} {path}: {response}"
        );
    }
}
