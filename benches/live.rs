//! Live voting on loopback: 150 and 1,000 simulated phones against the real server.
//!
//! The server runs in a child process (this binary again, with `STELLING_LIVE_BENCH_SERVER`
//! set), as the app would run it, so its memory and CPU are measured without the phones':
//! - all 150 votes cast within one second are counted;
//! - vote → model latency (the phone sends, the host has it in the document) p50/p99;
//! - the server's resident memory with 1,000 phones connected (VmRSS, and its growth);
//! - the server's CPU with 150 idle phones connected, over 10 s.
//!
//! `cargo bench --bench live`. Bounded: every wait has a limit, the child stops on its own.

use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper_util::client::legacy::{Client, connect::HttpConnector};
use hyper_util::rt::TokioExecutor;
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};
use stelling::live::{Host, LiveConfig, Rate};
use stelling::model::*;

const CHILD: &str = "STELLING_LIVE_BENCH_SERVER";
const PROP: Id = Id(100);
const OPTIONS: [Id; 3] = [Id(101), Id(102), Id(103)];
const R1: Id = Id(110);
const CHILD_LIMIT: Duration = Duration::from_secs(300);

fn session() -> Session {
    let mut s = Session::new("Bench", Language::En);
    s.id = Id(0xbe7c);
    let mut item = Item::new(&s, ItemKind::Proposition, "More trees in the street");
    item.id = PROP;
    item.options = OPTIONS
        .iter()
        .map(|&id| ResponseOption {
            id,
            label: format!("{id}"),
        })
        .collect();
    item.rounds = vec![Round::new(R1, "Round 1")];
    s.agenda.push(item);
    s
}

fn micros_now() -> u128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_micros()
}

fn rss_kb(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

/// User plus system CPU time of a process, in clock ticks.
fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    let after = stat.rsplit(')').next().unwrap_or("");
    let fields: Vec<&str> = after.split_whitespace().collect();
    let f = |i: usize| {
        fields
            .get(i)
            .and_then(|v| v.parse::<u64>().ok())
            .unwrap_or(0)
    };
    f(11) + f(12) // utime, stime (fields 14 and 15 of stat)
}

/// The server side: the host with autosave, pumped as the app's UI thread would, printing
/// each ballot's arrival in the model.
fn serve(path: &str) {
    let doc = Document::new(stelling::store::load(std::path::Path::new(path)).unwrap());
    let autosave = stelling::store::Autosave::new(path.into(), &doc);
    let mut host = Host::new(doc, Some(autosave));
    host.show(Some(PROP), Some(R1));
    let config = LiveConfig {
        per_address: Rate::UNLIMITED,
        max_devices: 5000,
        ..LiveConfig::loopback(Id(0), Language::En, 0)
    };
    let url = host.start(config, || {}).unwrap();
    let mut out = std::io::stdout().lock();
    writeln!(out, "URL {url}").unwrap();
    out.flush().unwrap();
    let started = Instant::now();
    // The parent closes our stdin when it is done.
    let (done_tx, done_rx) = std::sync::mpsc::channel::<()>();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = std::io::stdin().read_line(&mut line);
        let _ = done_tx.send(());
    });
    while started.elapsed() < CHILD_LIMIT && done_rx.try_recv().is_err() {
        for (device, _) in host.pump_waiting(Duration::from_millis(50)) {
            writeln!(out, "A {} {}", device.as_str(), micros_now()).unwrap();
        }
        out.flush().unwrap();
    }
    host.flush().unwrap();
}

struct Phone {
    token: String,
    base: String,
    client: Client<HttpConnector, Full<Bytes>>,
}

impl Phone {
    fn request(&self, method: &str, path: &str, body: String) -> hyper::Request<Full<Bytes>> {
        hyper::Request::builder()
            .method(method)
            .uri(format!("{}{path}", self.base))
            .header("cookie", format!("stelling_device={}", self.token))
            .body(Full::new(Bytes::from(body)))
            .unwrap()
    }

    async fn call(&self, method: &str, path: &str, body: String) -> u16 {
        let Ok(response) = self.client.request(self.request(method, path, body)).await else {
            return 0;
        };
        let status = response.status().as_u16();
        let _ = response.into_body().collect().await;
        status
    }

    /// Opens the push stream and signals when its first event arrived; keeps it open until
    /// `limit`.
    async fn follow(
        self: Arc<Self>,
        connected: tokio::sync::mpsc::UnboundedSender<()>,
        limit: Duration,
    ) {
        let Ok(response) = self
            .client
            .request(self.request("GET", "/events", String::new()))
            .await
        else {
            return;
        };
        let mut body = response.into_body();
        let mut told = false;
        let _ = tokio::time::timeout(limit, async {
            while let Some(Ok(frame)) = body.frame().await {
                if !told && frame.data_ref().is_some() {
                    told = true;
                    let _ = connected.send(());
                }
            }
        })
        .await;
    }
}

struct Figures {
    phones: usize,
    connect: Duration,
    counted: usize,
    counted_within_1s: usize,
    p50: Duration,
    p99: Duration,
    max: Duration,
    rss_before_kb: u64,
    rss_connected_kb: u64,
    idle_cpu_percent: Option<f64>,
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn scenario(phones: usize, idle: bool) -> Figures {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bench.stelling");
    let s = session();
    stelling::store::save(&path, &s).unwrap();
    let mut child = Command::new(std::env::current_exe().unwrap())
        .env(CHILD, path.to_str().unwrap())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let url = lines
        .next()
        .unwrap()
        .unwrap()
        .strip_prefix("URL ")
        .unwrap()
        .trim_end_matches('/')
        .to_string();
    let applied: Arc<Mutex<HashMap<String, u128>>> = Arc::default();
    let sink = applied.clone();
    std::thread::spawn(move || {
        for line in lines.map_while(Result::ok) {
            let mut parts = line.split(' ');
            if let (Some("A"), Some(d), Some(t)) = (parts.next(), parts.next(), parts.next()) {
                sink.lock()
                    .unwrap()
                    .insert(d.to_string(), t.parse().unwrap_or(0));
            }
        }
    });
    std::thread::sleep(Duration::from_millis(300));
    let rss_before_kb = rss_kb(pid);

    let runtime = tokio::runtime::Runtime::new().unwrap();
    let figures = runtime.block_on(async {
        let all: Vec<Arc<Phone>> = (0..phones)
            .map(|n| {
                Arc::new(Phone {
                    token: format!("{:032x}", n + 1),
                    base: url.clone(),
                    client: Client::builder(TokioExecutor::new()).build_http(),
                })
            })
            .collect();
        // Connect: the first state, then the push stream.
        let started = Instant::now();
        let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
        for phone in &all {
            let (phone, tx) = (phone.clone(), tx.clone());
            tokio::spawn(async move {
                phone.call("GET", "/state", String::new()).await;
                phone.follow(tx, Duration::from_secs(120)).await;
            });
        }
        let mut connected = 0;
        while connected < phones {
            match tokio::time::timeout(Duration::from_secs(30), rx.recv()).await {
                Ok(Some(())) => connected += 1,
                _ => break,
            }
        }
        let connect = started.elapsed();
        tokio::time::sleep(Duration::from_millis(500)).await;
        let rss_connected_kb = rss_kb(pid);

        // Everyone votes at once.
        let sent: Arc<Mutex<HashMap<String, u128>>> = Arc::default();
        let vote_start = micros_now();
        let mut tasks = Vec::new();
        for (n, phone) in all.iter().enumerate() {
            let (phone, sent) = (phone.clone(), sent.clone());
            tasks.push(tokio::spawn(async move {
                let body = format!(r#"{{"round":"{R1}","option":"{}"}}"#, OPTIONS[n % 3]);
                let at = micros_now();
                let status = phone.call("POST", "/vote", body).await;
                sent.lock().unwrap().insert(phone.token.clone(), at);
                status
            }));
        }
        for t in tasks {
            let _ = tokio::time::timeout(Duration::from_secs(30), t).await;
        }
        let deadline = Instant::now() + Duration::from_secs(10);
        while applied.lock().unwrap().len() < phones && Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        let applied = applied.lock().unwrap().clone();
        let sent = sent.lock().unwrap().clone();
        let mut latencies = Vec::new();
        let mut within = 0;
        for phone in &all {
            let device = Device::of(s.id, &phone.token);
            if let (Some(&a), Some(&t)) = (applied.get(device.as_str()), sent.get(&phone.token)) {
                latencies.push(Duration::from_micros(a.saturating_sub(t) as u64));
                if a.saturating_sub(vote_start) <= 1_000_000 {
                    within += 1;
                }
            }
        }
        latencies.sort();

        let idle_cpu_percent = if idle {
            let ticks_per_s = 100.0; // USER_HZ on Linux
            let before = cpu_ticks(pid);
            tokio::time::sleep(Duration::from_secs(10)).await;
            let used = cpu_ticks(pid) - before;
            Some(used as f64 / ticks_per_s / 10.0 * 100.0)
        } else {
            None
        };
        Figures {
            phones,
            connect,
            counted: latencies.len(),
            counted_within_1s: within,
            p50: percentile(&latencies, 0.5),
            p99: percentile(&latencies, 0.99),
            max: latencies.last().copied().unwrap_or_default(),
            rss_before_kb,
            rss_connected_kb,
            idle_cpu_percent,
        }
    });
    drop(child.stdin.take());
    let _ = child.wait();
    let saved = stelling::store::load(&path).unwrap();
    let answers = saved.item(PROP).unwrap().round(R1).unwrap().phone_answers();
    assert_eq!(
        answers as usize, figures.counted,
        "the file holds every counted ballot"
    );
    figures
}

fn main() {
    if let Ok(path) = std::env::var(CHILD) {
        serve(&path);
        return;
    }
    // `cargo bench` passes `--bench`; `cargo test --benches` passes nothing else: run the small
    // case only then, so the test run stays short.
    let quick = !std::env::args().any(|a| a == "--bench");
    let cases: &[(usize, bool)] = if quick {
        &[(20, false)]
    } else {
        &[(150, true), (1000, false)]
    };
    for &(phones, idle) in cases {
        let f = scenario(phones, idle);
        println!("live: {} phones", f.phones);
        println!(
            "  connected (state + push stream) in {:.0} ms",
            f.connect.as_secs_f64() * 1e3
        );
        println!(
            "  votes counted: {} of {}, {} within 1 s of the first send",
            f.counted, f.phones, f.counted_within_1s
        );
        println!(
            "  vote -> model: p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
            f.p50.as_secs_f64() * 1e3,
            f.p99.as_secs_f64() * 1e3,
            f.max.as_secs_f64() * 1e3
        );
        println!(
            "  server memory: {:.1} MB resident with the phones connected ({:.1} MB before, +{:.1} MB)",
            f.rss_connected_kb as f64 / 1024.0,
            f.rss_before_kb as f64 / 1024.0,
            f.rss_connected_kb.saturating_sub(f.rss_before_kb) as f64 / 1024.0
        );
        if let Some(cpu) = f.idle_cpu_percent {
            println!(
                "  server CPU with {} idle phones over 10 s: {cpu:.2} % of a core",
                f.phones
            );
        }
    }
}
