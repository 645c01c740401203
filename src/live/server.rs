//! The HTTP server the phones talk to (protocol: `notes/live-protocol.md`): axum on a tokio
//! runtime on its own thread. It never touches the document: it checks each ballot against the
//! published room, keeps a mirror of the devices' answers to reply at once, and hands the
//! ballot to the host over a channel, waking it.

use super::limit::{Limiter, Rate};
use super::room::Room;
use crate::model::words;
use crate::model::words::Refusals;
use crate::model::{Device, Id, Language};
use axum::Router;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{ConnectInfo, DefaultBodyLimit, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::convert::Infallible;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};
use tokio::sync::watch;

/// Request bodies larger than this are refused (413).
pub const BODY_LIMIT: usize = 4096;

/// How the server listens and what it allows.
#[derive(Clone, Debug)]
pub struct LiveConfig {
    pub bind: IpAddr,
    /// The first port tried; a taken one moves to the next, up to `port_tries` ports.
    pub port: u16,
    pub port_tries: u16,
    /// Salt of the device keys: the session's id.
    pub session: Id,
    pub language: Language,
    /// Requests per address (all requests).
    pub per_address: Rate,
    /// Ballots and group picks per device.
    pub per_device: Rate,
    /// Devices one session accepts; a new one beyond it gets 503.
    pub max_devices: usize,
    /// Push streams open at once; beyond it 503.
    pub max_streams: usize,
    /// Longest time a request may take (the push stream's headers included, not its body).
    pub request_timeout: Duration,
    /// How long a connection may take to send a request's headers (or stay idle between
    /// requests): a slow client cannot hold a connection open without asking anything.
    pub header_timeout: Duration,
    /// The group each device picked before (from the file's ballots).
    pub device_groups: HashMap<Device, Id>,
}

impl LiveConfig {
    /// Listening on every IPv4 address of the laptop, from port 8080 on.
    pub fn new(session: Id, language: Language) -> Self {
        LiveConfig {
            bind: IpAddr::V4(Ipv4Addr::UNSPECIFIED),
            port: 8080,
            port_tries: 20,
            session,
            language,
            per_address: Rate {
                burst: 120,
                per_second: 20.0,
            },
            per_device: Rate {
                burst: 12,
                per_second: 3.0,
            },
            max_devices: 2000,
            max_streams: 4000,
            request_timeout: Duration::from_secs(10),
            header_timeout: Duration::from_secs(10),
            device_groups: HashMap::new(),
        }
    }

    /// Only 127.0.0.1, any free port from `port`: tests and benchmarks.
    pub fn loopback(session: Id, language: Language, port: u16) -> Self {
        LiveConfig {
            bind: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port,
            ..LiveConfig::new(session, language)
        }
    }
}

/// Something a phone sent that the host should record in the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Incoming {
    /// A ballot in the round that was open when it arrived.
    Vote {
        device: Device,
        item: Id,
        round: Id,
        option: Id,
        group: Option<Id>,
    },
    /// The device picked its group; its ballot in `round` (if any) moves along.
    Group {
        device: Device,
        item: Option<Id>,
        round: Option<Id>,
        group: Option<Id>,
    },
}

/// What the host publishes; the server serves it to every phone.
struct Published {
    version: u64,
    room: Room,
}

struct Shared {
    config: LiveConfig,
    published: RwLock<Published>,
    /// Each round's answers per device, as the phones sent them (seeded from the file).
    answers: Mutex<HashMap<Id, HashMap<Device, Id>>>,
    groups: Mutex<HashMap<Device, Id>>,
    devices: Mutex<HashSet<Device>>,
    version: watch::Sender<u64>,
    shutdown: watch::Sender<bool>,
    incoming: Mutex<mpsc::Sender<Incoming>>,
    wake: Box<dyn Fn() + Send + Sync>,
    streams: AtomicUsize,
    per_address: Limiter<IpAddr>,
    per_device: Limiter<Device>,
}

/// A running live server; stopping it (or dropping it) closes every connection.
pub struct Server {
    shared: Arc<Shared>,
    address: SocketAddr,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl std::fmt::Debug for Server {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Server")
            .field("address", &self.address)
            .finish()
    }
}

impl Server {
    /// Binds the first free port from `config.port` on and serves on a thread of its own.
    /// Ballots arrive on `incoming`; `wake` is called after each and whenever a phone's push
    /// stream opens or closes (the app repaints, so its count of phones needs no polling).
    pub fn start(
        config: LiveConfig,
        room: Room,
        incoming: mpsc::Sender<Incoming>,
        wake: impl Fn() + Send + Sync + 'static,
    ) -> std::io::Result<Server> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("stelling-live")
            .enable_all()
            .build()?;
        let listener = {
            let _inside = runtime.enter();
            bind(config.bind, config.port, config.port_tries)?
        };
        let address = listener.local_addr()?;
        let shared = Arc::new(Shared::new(config, room, incoming, Box::new(wake)));
        let app = router(shared.clone());
        let stop = shared.shutdown.subscribe();
        let header_timeout = shared.config.header_timeout;
        let thread = std::thread::Builder::new()
            .name("stelling-live".into())
            .spawn(move || {
                runtime.block_on(async move {
                    accept(listener, app, header_timeout, stop).await;
                });
                runtime.shutdown_timeout(Duration::from_millis(500));
            })?;
        Ok(Server {
            shared,
            address,
            thread: Some(thread),
        })
    }

    /// The address it listens on (the port may have moved on from the one asked for).
    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// `http://ADDRESS:PORT/` with `host` as the address phones use (the laptop's IPv4
    /// address on the chosen network), or the bound address when it is a specific one.
    pub fn join_url(&self, host: Option<IpAddr>) -> String {
        let ip = host.unwrap_or(match self.address.ip() {
            ip if ip.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
            ip => ip,
        });
        match ip {
            IpAddr::V4(v4) => format!("http://{v4}:{}/", self.address.port()),
            IpAddr::V6(v6) => format!("http://[{v6}]:{}/", self.address.port()),
        }
    }

    /// Push streams open now: about the number of phones connected.
    pub fn connected(&self) -> usize {
        self.shared.streams.load(Ordering::Relaxed)
    }

    /// The state version phones were last told.
    pub fn version(&self) -> u64 {
        *self.shared.version.borrow()
    }

    /// Serves `room` from now on; phones hear of it when it differs from what they have.
    pub fn publish(&self, room: Room) {
        publish(&self.shared, room);
    }

    /// The answers already in the document for a round, so a phone that comes back sees its
    /// own (the first time the round becomes current in this run).
    pub fn seed_round(&self, round: Id, answers: impl IntoIterator<Item = (Device, Id)>) {
        let mut all = lock(&self.shared.answers);
        all.entry(round)
            .or_insert_with(|| answers.into_iter().collect());
    }

    /// Stops listening and closes every connection, waiting for the server's thread.
    pub fn stop(&mut self) {
        self.shared.shutdown.send_replace(true);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Accepts connections until told to stop, then lets each finish what it is doing (push
/// streams end by themselves on the same signal).
async fn accept(
    listener: tokio::net::TcpListener,
    app: Router,
    header_timeout: Duration,
    stop: watch::Receiver<bool>,
) {
    let mut stopping = stop.clone();
    loop {
        let (socket, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(x) => x,
                // Out of file descriptors and the like: wait a moment rather than spin.
                Err(_) => {
                    tokio::time::sleep(Duration::from_millis(20)).await;
                    continue;
                }
            },
            _ = stopping.wait_for(|s| *s) => break,
        };
        let app = app.clone();
        let mut stop = stop.clone();
        tokio::spawn(async move {
            let service = hyper::service::service_fn(
                move |mut request: hyper::Request<hyper::body::Incoming>| {
                    request.extensions_mut().insert(ConnectInfo(peer));
                    tower::ServiceExt::oneshot(app.clone(), request.map(axum::body::Body::new))
                },
            );
            let connection = hyper::server::conn::http1::Builder::new()
                .timer(hyper_util::rt::TokioTimer::new())
                .header_read_timeout(header_timeout)
                .serve_connection(hyper_util::rt::TokioIo::new(socket), service);
            tokio::pin!(connection);
            let stopped = tokio::select! {
                _ = connection.as_mut() => false,
                _ = stop.wait_for(|s| *s) => true,
            };
            if stopped {
                connection.as_mut().graceful_shutdown();
                let _ = tokio::time::timeout(Duration::from_millis(300), connection).await;
            }
        });
    }
}

/// Connections waiting to be accepted: a room joining at once after the QR code appears
/// must not overflow the queue (the usual 128 would make late phones wait a second and
/// retry).
const BACKLOG: u32 = 1024;

/// The first port from `port` on that is free, trying `tries` ports. Needs the runtime.
fn bind(ip: IpAddr, port: u16, tries: u16) -> std::io::Result<tokio::net::TcpListener> {
    let mut last = None;
    for p in (0..tries.max(1)).filter_map(|i| port.checked_add(i)) {
        let socket = match ip {
            IpAddr::V4(_) => tokio::net::TcpSocket::new_v4()?,
            IpAddr::V6(_) => tokio::net::TcpSocket::new_v6()?,
        };
        // Reopening the session finds its port again even while old connections linger
        // (on Windows this option would let another program take the port: left off).
        #[cfg(unix)]
        socket.set_reuseaddr(true)?;
        match socket
            .bind(SocketAddr::new(ip, p))
            .and_then(|()| socket.listen(BACKLOG))
        {
            Ok(l) => return Ok(l),
            Err(e) => last = Some(e),
        }
        if port == 0 {
            break;
        }
    }
    Err(last.unwrap_or_else(|| std::io::Error::other("no port to try")))
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

fn publish(shared: &Shared, room: Room) {
    let mut p = shared.published.write().unwrap_or_else(|e| e.into_inner());
    if p.room != room {
        p.room = room;
        p.version += 1;
        let v = p.version;
        drop(p);
        shared.version.send_replace(v);
    }
}

/// The routes with their limits, for the server and for request-level tests.
fn router(shared: Arc<Shared>) -> Router {
    let timeout = shared.config.request_timeout;
    Router::new()
        .route("/", get(page))
        .route("/app.css", get(page_css))
        .route("/app.js", get(page_js))
        .route("/state", get(state))
        .route("/vote", post(vote))
        .route("/group", post(group))
        .route("/events", get(events))
        .fallback(not_found)
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(tower_http::limit::RequestBodyLimitLayer::new(BODY_LIMIT))
        .layer(middleware::from_fn_with_state(shared.clone(), per_address))
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            timeout,
        ))
        .layer(middleware::map_response(no_store))
        .with_state(shared)
}

impl Shared {
    /// A fresh room at version 1 with no answers yet, for the server and the test router.
    fn new(
        config: LiveConfig,
        room: Room,
        incoming: mpsc::Sender<Incoming>,
        wake: Box<dyn Fn() + Send + Sync>,
    ) -> Shared {
        Shared {
            published: RwLock::new(Published { version: 1, room }),
            answers: Mutex::new(HashMap::new()),
            groups: Mutex::new(config.device_groups.clone()),
            devices: Mutex::new(HashSet::new()),
            version: watch::Sender::new(1),
            shutdown: watch::Sender::new(false),
            incoming: Mutex::new(incoming),
            wake,
            streams: AtomicUsize::new(0),
            per_address: Limiter::new(config.per_address),
            per_device: Limiter::new(config.per_device),
            config,
        }
    }
}

/// A router on its own, without a socket: for request-level tests (`tower::ServiceExt`).
/// Ballots go to `incoming`.
pub fn test_router(config: LiveConfig, room: Room, incoming: mpsc::Sender<Incoming>) -> Router {
    router(Arc::new(Shared::new(
        config,
        room,
        incoming,
        Box::new(|| {}),
    )))
}

async fn no_store(mut response: Response) -> Response {
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

fn language(shared: &Shared) -> Language {
    let p = shared.published.read().unwrap_or_else(|e| e.into_inner());
    if p.room.language == "en" {
        Language::En
    } else {
        Language::Nl
    }
}

#[derive(Serialize)]
struct Refusal<'a> {
    error: &'a str,
    message: &'a str,
}

/// JSON with `<`, `>` and `&` written as `\u003c`…: the same value, and harmless even where
/// a page would put it inside HTML. They occur only within strings, so this is exact.
fn json(value: &impl Serialize) -> String {
    serde_json::to_string(value)
        .unwrap_or_default()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// A refused request, small enough to pass around until it becomes a response.
struct Refused {
    status: StatusCode,
    error: &'static str,
    message: &'static str,
}

impl IntoResponse for Refused {
    fn into_response(self) -> Response {
        refuse(self.status, self.error, self.message)
    }
}

fn refused(status: StatusCode, error: &'static str, message: &'static str) -> Refused {
    Refused {
        status,
        error,
        message,
    }
}

fn refuse(status: StatusCode, error: &str, message: &str) -> Response {
    let body = json(&Refusal { error, message });
    (
        status,
        [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
        body,
    )
        .into_response()
}

async fn per_address(State(shared): State<Arc<Shared>>, request: Request, next: Next) -> Response {
    let ip = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |c| c.0.ip());
    if !shared.per_address.allow(&ip, Instant::now()) {
        let r = &words(language(&shared)).refusals;
        return refuse(StatusCode::TOO_MANY_REQUESTS, "rate", r.too_fast);
    }
    next.run(request).await
}

async fn not_found(State(shared): State<Arc<Shared>>) -> Response {
    let r = &words(language(&shared)).refusals;
    refuse(StatusCode::NOT_FOUND, "not_found", r.not_found)
}

async fn page(State(shared): State<Arc<Shared>>) -> Response {
    let language = language(&shared);
    let html = super::page::INDEX
        .replace("{{lang}}", super::room::code(language))
        .replace("{{words}}", &json(&words(language).phone));
    page_file("text/html; charset=utf-8", html)
}

async fn page_css() -> Response {
    page_file("text/css; charset=utf-8", super::page::CSS.to_owned())
}

async fn page_js() -> Response {
    page_file("text/javascript; charset=utf-8", super::page::JS.to_owned())
}

fn page_file(content_type: &'static str, body: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (
                header::CONTENT_SECURITY_POLICY,
                super::page::CONTENT_SECURITY_POLICY,
            ),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        ],
        body,
    )
        .into_response()
}

/// The phone's token: the `stelling_device` cookie, else the `X-Stelling-Device` header; 32
/// hex digits, or it is no token.
fn token(headers: &HeaderMap) -> Option<String> {
    let from_cookie = headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().strip_prefix("stelling_device="))
        .find(|t| valid_token(t));
    let from_header = || {
        headers
            .get("x-stelling-device")
            .and_then(|v| v.to_str().ok())
            .map(str::trim)
            .filter(|t| valid_token(t))
    };
    from_cookie
        .or_else(from_header)
        .map(|t| t.to_ascii_lowercase())
}

fn valid_token(t: &str) -> bool {
    t.len() == 32 && t.bytes().all(|b| b.is_ascii_hexdigit())
}

/// The device behind the request, counted against the cap the first time it is seen.
fn device(shared: &Shared, headers: &HeaderMap) -> Result<Option<Device>, Refused> {
    let Some(token) = token(headers) else {
        return Ok(None);
    };
    let device = Device::of(shared.config.session, &token);
    let mut devices = lock(&shared.devices);
    if !devices.contains(&device) {
        if devices.len() >= shared.config.max_devices {
            let r = &words(language(shared)).refusals;
            return Err(refused(StatusCode::SERVICE_UNAVAILABLE, "full", r.full));
        }
        devices.insert(device.clone());
    }
    Ok(Some(device))
}

#[derive(Serialize)]
struct Reply<'a> {
    version: u64,
    #[serde(flatten)]
    room: &'a Room,
    my_group: Option<Id>,
    my_answer: Option<Id>,
}

fn reply(shared: &Shared, device: Option<&Device>) -> Response {
    let p = shared.published.read().unwrap_or_else(|e| e.into_inner());
    let (my_group, my_answer) = match device {
        Some(d) => (
            lock(&shared.groups).get(d).copied(),
            p.room
                .round
                .as_ref()
                .and_then(|r| lock(&shared.answers).get(&r.id)?.get(d).copied()),
        ),
        None => (None, None),
    };
    let body = json(&Reply {
        version: p.version,
        room: &p.room,
        my_group,
        my_answer,
    });
    (
        [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
        body,
    )
        .into_response()
}

async fn state(State(shared): State<Arc<Shared>>, headers: HeaderMap) -> Response {
    match device(&shared, &headers) {
        Ok(d) => reply(&shared, d.as_ref()),
        Err(r) => r.into_response(),
    }
}

#[derive(Deserialize)]
struct VoteBody {
    round: String,
    option: String,
}

#[derive(Deserialize)]
struct GroupBody {
    group: Option<String>,
}

/// The device and parsed body of a ballot or group pick, or the refusal.
fn ballot_request<T: serde::de::DeserializeOwned>(
    shared: &Shared,
    headers: &HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<(Device, T), Refused> {
    let r = &words(language(shared)).refusals;
    let body = body.map_err(|e| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            refused(StatusCode::PAYLOAD_TOO_LARGE, "too_large", r.too_large)
        } else {
            refused(StatusCode::BAD_REQUEST, "bad_request", r.bad_request)
        }
    })?;
    let device = device(shared, headers)?
        .ok_or_else(|| refused(StatusCode::BAD_REQUEST, "no_device", r.no_device))?;
    if !shared.per_device.allow(&device, Instant::now()) {
        return Err(refused(StatusCode::TOO_MANY_REQUESTS, "rate", r.too_fast));
    }
    let parsed = serde_json::from_slice(&body)
        .map_err(|_| refused(StatusCode::BAD_REQUEST, "bad_request", r.bad_request))?;
    Ok((device, parsed))
}

fn send(shared: &Shared, incoming: Incoming) {
    let _ = lock(&shared.incoming).send(incoming);
    (shared.wake)();
}

/// Handles a ballot or group pick: checks the request, lets `pick` decide
/// what arrived (refusing or saying nothing changed), tells the host, and
/// replies with the device's view of the room.
fn ballot<T: serde::de::DeserializeOwned>(
    shared: &Shared,
    headers: &HeaderMap,
    body: Result<Bytes, BytesRejection>,
    pick: impl FnOnce(&Device, T, &Refusals) -> Result<Option<Incoming>, Refused>,
) -> Response {
    let (device, body) = match ballot_request::<T>(shared, headers, body) {
        Ok(x) => x,
        Err(r) => return r.into_response(),
    };
    let r = &words(language(shared)).refusals;
    match pick(&device, body, r) {
        Ok(Some(incoming)) => send(shared, incoming),
        Ok(None) => {}
        Err(refusal) => return refusal.into_response(),
    }
    reply(shared, Some(&device))
}

async fn vote(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    ballot(&shared, &headers, body, |device, body: VoteBody, r| {
        let bad = || refused(StatusCode::BAD_REQUEST, "bad_request", r.bad_request);
        let (Ok(round), Ok(option)) = (body.round.parse::<Id>(), body.option.parse::<Id>()) else {
            return Err(bad());
        };
        let accepted = {
            let p = shared.published.read().unwrap_or_else(|e| e.into_inner());
            match p.room.open_round() {
                Some((item, open)) if open == round => {
                    if !p.room.has_option(option) {
                        return Err(bad());
                    }
                    let mut answers = lock(&shared.answers);
                    let mine = answers.entry(round).or_default();
                    let changed = mine.insert(device.clone(), option) != Some(option);
                    changed.then_some(item)
                }
                _ => return Err(refused(StatusCode::CONFLICT, "closed", r.closed)),
            }
        };
        Ok(accepted.map(|item| Incoming::Vote {
            device: device.clone(),
            item,
            round,
            option,
            group: lock(&shared.groups).get(device).copied(),
        }))
    })
}

async fn group(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    ballot(&shared, &headers, body, |device, body: GroupBody, r| {
        let bad = || refused(StatusCode::BAD_REQUEST, "bad_request", r.bad_request);
        let group = match body.group.as_deref().map(str::parse::<Id>) {
            None => None,
            Some(Ok(g)) => Some(g),
            Some(Err(_)) => return Err(bad()),
        };
        let (item, round) = {
            let p = shared.published.read().unwrap_or_else(|e| e.into_inner());
            if group.is_some_and(|g| !p.room.has_group(g)) {
                return Err(bad());
            }
            (
                p.room.item.as_ref().map(|i| i.id),
                p.room.round.as_ref().map(|r| r.id),
            )
        };
        let changed = {
            let mut groups = lock(&shared.groups);
            let old = match group {
                Some(g) => groups.insert(device.clone(), g),
                None => groups.remove(device),
            };
            old != group
        };
        Ok(changed.then(|| Incoming::Group {
            device: device.clone(),
            item,
            round,
            group,
        }))
    })
}

/// Counts an open push stream while it lives.
struct Stream(Arc<Shared>);

impl Drop for Stream {
    fn drop(&mut self) {
        self.0.streams.fetch_sub(1, Ordering::Relaxed);
        (self.0.wake)(); // the presenter's count of phones changed
    }
}

async fn events(State(shared): State<Arc<Shared>>) -> Response {
    let open = shared.streams.fetch_add(1, Ordering::Relaxed);
    let guard = Stream(shared.clone());
    if open >= shared.config.max_streams {
        let r = &words(language(&shared)).refusals;
        return refuse(StatusCode::SERVICE_UNAVAILABLE, "full", r.full);
    }
    (shared.wake)(); // one phone more: the presenter's count follows without polling
    let versions = shared.version.subscribe();
    let stop = shared.shutdown.subscribe();
    let stream = futures_util::stream::unfold(
        (versions, stop, guard, true),
        |(mut versions, mut stop, guard, first)| async move {
            if !first {
                tokio::select! {
                    changed = versions.changed() => changed.ok()?,
                    _ = stop.wait_for(|s| *s) => return None,
                }
            }
            let v = *versions.borrow_and_update();
            let event = Event::default()
                .event("state")
                .data(format!("{{\"version\":{v}}}"));
            Some((Ok::<_, Infallible>(event), (versions, stop, guard, false)))
        },
    );
    Sse::new(stream)
        .keep_alive(
            KeepAlive::new()
                .interval(Duration::from_secs(15))
                .text("ping"),
        )
        .into_response()
}
