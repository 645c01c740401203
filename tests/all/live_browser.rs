//! The phone page in a real browser: Debian's headless Chromium, driven through chromedriver
//! (WebDriver) with fantoccini, against the real live server on 127.0.0.1. It opens the join
//! address, taps an answer and reads the session file until the ballot is there; a second tap
//! on the same answer (and a replayed request) changes nothing; the page loads nothing from
//! outside the laptop.
//!
//! Needs `/usr/bin/chromium` and `/usr/bin/chromedriver` (Debian's `chromium` and
//! `chromium-driver`, which `.ci/run` installs); `CHROMIUM` and `CHROMEDRIVER` name others.
//! Without them the test fails and says so: it never passes without having run.
//! `STELLING_SCREENSHOTS=DIR` writes the phone screenshots (390×844) there, e.g.
//! `STELLING_SCREENSHOTS=assets/screenshots cargo test --test all live_browser`.

use super::support::live;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{Value, json};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};
use stelling::live::{Host, LiveConfig};
use stelling::model::{
    Document, Group, Id, Item, ItemKind, Language, ResponseOption, Session, Tally,
};
use stelling::store::{self, Autosave};

/// Longest wait for anything: a ballot to reach the file, the page to show something.
const PATIENCE: Duration = Duration::from_secs(10);

fn tool(var: &str, default: &str, package: &str) -> PathBuf {
    let path = PathBuf::from(std::env::var_os(var).unwrap_or_else(|| default.into()));
    assert!(
        path.is_file(),
        "the browser test needs {} (set {var} to use another): install Debian's {package} \
         (apt-get install chromium chromium-driver), as .ci/run does",
        path.display()
    );
    path
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// chromedriver on a free port of 127.0.0.1, killed when dropped.
struct Driver {
    child: Child,
    url: String,
}

impl Driver {
    fn start() -> Driver {
        let program = tool("CHROMEDRIVER", "/usr/bin/chromedriver", "chromium-driver");
        let port = free_port();
        let child = Command::new(&program)
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("{} does not start: {e}", program.display()));
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(started.elapsed() < PATIENCE, "chromedriver did not listen");
            std::thread::sleep(Duration::from_millis(50));
        }
        Driver {
            child,
            url: format!("http://127.0.0.1:{port}"),
        }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A headless Chromium the size of a phone (390×844 CSS pixels). `font_size` is the browser's
/// default text size (16 px is 100 %), as a person who needs larger text sets it.
async fn browser(driver: &Driver, font_size: u32) -> Client {
    let chromium = tool("CHROMIUM", "/usr/bin/chromium", "chromium");
    let caps = json!({
        "browserName": "chrome",
        "goog:chromeOptions": {
            "binary": chromium,
            "args": ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--no-first-run", "--disable-extensions"],
            "mobileEmulation": {"deviceMetrics": {"width": 390, "height": 844, "pixelRatio": 1.0}},
            "prefs": {"webkit": {"webprefs": {"default_font_size": font_size}}}
        }
    });
    let Value::Object(caps) = caps else {
        unreachable!()
    };
    ClientBuilder::new(HttpConnector::new())
        .capabilities(caps)
        .connect(&driver.url)
        .await
        .expect("chromedriver starts a Chromium session")
}

/// Hands the facilitator counted before the phones voted, per default answer.
const HANDS: [u32; 3] = [9, 11, 4];

/// A session with one proposition (the default answers) in `language`, with `hands` counted.
fn session(language: Language, text: &str, hands: [u32; 3]) -> Session {
    let mut s = Session::new("Live", language);
    let mut item = Item::new(&s, ItemKind::Proposition, text);
    let tallies = item.options.iter().zip(hands).map(|(o, count)| Tally {
        option: o.id,
        group: None,
        count,
    });
    item.rounds[0].tallies = tallies.filter(|t| t.count > 0).collect();
    s.agenda.push(item);
    s
}

enum Control {
    Reveal,
    Blank(bool),
}

/// The live host on its own thread, as the app runs it: the first item's round is current
/// (voting open), ballots go through autosave into `path`.
struct Live {
    url: String,
    control: Option<mpsc::Sender<Control>>,
    thread: Option<JoinHandle<()>>,
}

impl Live {
    /// Listens on `port` of 127.0.0.1 (0: any free port).
    fn start(path: &Path, port: u16) -> Live {
        let path = path.to_path_buf();
        let (url_tx, url_rx) = mpsc::channel();
        let (control, commands) = mpsc::channel();
        let thread = std::thread::spawn(move || {
            let doc = Document::new(store::load(&path).unwrap());
            let autosave = Autosave::new(path.clone(), &doc);
            let mut host = Host::new(doc, Some(autosave));
            let session = host.doc().session();
            let (id, language) = (session.id, session.language);
            let item = &session.agenda[0];
            let (item, round) = (item.id, item.rounds[0].id);
            let url = host
                .start(LiveConfig::loopback(id, language, port), || {})
                .expect("the live server starts");
            host.show(Some(item), Some(round));
            url_tx.send(url).unwrap();
            loop {
                match commands.try_recv() {
                    Ok(Control::Reveal) => host.set_revealed(true),
                    Ok(Control::Blank(blank)) => host.set_blank(blank),
                    Err(mpsc::TryRecvError::Empty) => {}
                    Err(mpsc::TryRecvError::Disconnected) => break,
                }
                host.pump_waiting(Duration::from_millis(20));
            }
            host.flush().unwrap();
        });
        let url = url_rx.recv_timeout(PATIENCE).expect("the join address");
        Live {
            url,
            control: Some(control),
            thread: Some(thread),
        }
    }

    fn send(&self, control: Control) {
        self.control.as_ref().unwrap().send(control).unwrap();
    }
}

impl Drop for Live {
    fn drop(&mut self) {
        self.control.take();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// The phone ballots (option per device) of the first item's first round, as the file has them.
fn ballots_in_file(path: &Path) -> Vec<Id> {
    let session = store::load(path).unwrap();
    session.agenda[0].rounds[0]
        .ballots
        .iter()
        .map(|b| b.option)
        .collect()
}

fn wait_for_file(path: &Path, want: &[Id]) {
    let started = Instant::now();
    loop {
        let now = ballots_in_file(path);
        if now == want {
            return;
        }
        assert!(
            started.elapsed() < PATIENCE,
            "the file's ballots stayed {now:?}, expected {want:?}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

async fn js(client: &Client, script: &str) -> Value {
    client.execute(script, vec![]).await.unwrap()
}

/// Waits until `script` returns true in the page.
async fn until(client: &Client, script: &str) {
    let started = Instant::now();
    while js(client, script).await != json!(true) {
        assert!(
            started.elapsed() < PATIENCE,
            "never true in the page: {script}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn screenshot(client: &Client, name: Option<&str>) {
    let (Some(dir), Some(name)) = (std::env::var_os("STELLING_SCREENSHOTS"), name) else {
        return;
    };
    let png = client.screenshot().await.unwrap();
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(Path::new(&dir).join(name), png).unwrap();
}

async fn option_button(client: &Client, option: Id) -> fantoccini::elements::Element {
    client
        .find(Locator::Css(&format!("[data-option=\"{option}\"]")))
        .await
        .unwrap()
}

/// Clicks the element the page must have.
async fn click(client: &Client, locator: Locator<'_>) {
    client.find(locator).await.unwrap().click().await.unwrap();
}

/// Runs `steps` in a fresh Chromium with this default font size (px), then closes it.
fn in_browser(font_size: u32, steps: impl AsyncFnOnce(&Client)) {
    let driver = Driver::start();
    live::runtime().block_on(async {
        let client = browser(&driver, font_size).await;
        steps(&client).await;
        client.close().await.unwrap();
    });
}

/// How many ballots this page has sent, from the browser's own record of its requests.
async fn votes_sent(client: &Client) -> u64 {
    js(
        client,
        "return performance.getEntriesByType('resource')\
           .filter(e => new URL(e.name).pathname === '/vote').length",
    )
    .await
    .as_u64()
    .unwrap()
}

/// Every URL the page loaded or fetched; all must be on the laptop's own address.
async fn requests(client: &Client) -> Vec<String> {
    let all = js(
        client,
        "return performance.getEntriesByType('navigation')\
           .concat(performance.getEntriesByType('resource')).map(e => e.name)",
    )
    .await;
    all.as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_owned())
        .collect()
}

/// The screenshots one language's pass takes (file names in `STELLING_SCREENSHOTS`).
struct Shots {
    before: Option<&'static str>,
    voted: Option<&'static str>,
    revealed: Option<&'static str>,
}

async fn vote_and_check(client: &Client, language: Language, text: &str, shots: Shots) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("live.ron");
    store::save(&path, &session(language, text, HANDS)).unwrap();
    let options: Vec<Id> = store::load(&path).unwrap().agenda[0]
        .options
        .iter()
        .map(|o| o.id)
        .collect();
    let live = Live::start(&path, 0);
    let origin = live.url.trim_end_matches('/').to_owned();
    assert!(origin.starts_with("http://127.0.0.1:"), "{origin}");

    client.goto(&live.url).await.unwrap();
    until(
        client,
        "return document.querySelectorAll('#options button').length === 3",
    )
    .await;
    let lang = js(client, "return document.documentElement.lang").await;
    assert_eq!(lang, json!(stelling::live::room::code(language)));
    screenshot(client, shots.before).await;

    // A tap: the ballot reaches the file, the button stays marked.
    let first = option_button(client, options[0]).await;
    first.click().await.unwrap();
    wait_for_file(&path, &[options[0]]);
    until(
        client,
        "return document.querySelector('#options [aria-pressed=true]') !== null \
           && document.getElementById('q-hint').textContent.length > 0",
    )
    .await;
    assert_eq!(
        first.attr("aria-pressed").await.unwrap().as_deref(),
        Some("true")
    );
    assert_eq!(votes_sent(client).await, 1);
    // Screen readers hear the answer (a polite live region), in the session's language.
    let label = store::load(&path).unwrap().agenda[0].options[0]
        .label
        .clone();
    let heard = &stelling::model::words(language)
        .phone
        .your_answer
        .replace("{answer}", &label);
    until(
        client,
        &format!("return document.getElementById('live').textContent === {heard:?}"),
    )
    .await;
    screenshot(client, shots.voted).await;

    // The same answer again, twice quickly: the page sends nothing, the file does not change.
    first.click().await.unwrap();
    first.click().await.unwrap();
    tokio::time::sleep(Duration::from_millis(1200)).await;
    assert_eq!(
        votes_sent(client).await,
        1,
        "a second tap on the same answer sent a ballot"
    );
    assert_eq!(ballots_in_file(&path), [options[0]]);

    // A replay of that ballot (as a retry after a lost answer sends it): counted once.
    let replay = format!(
        "return fetch('/state', {{cache: 'no-store'}}).then(r => r.json()).then(s => \
           fetch('/vote', {{method: 'POST', headers: {{'Content-Type': 'application/json'}}, \
             body: JSON.stringify({{round: s.round.id, option: '{}'}})}})).then(r => r.status)",
        options[0]
    );
    assert_eq!(js(client, &replay).await, json!(200));
    tokio::time::sleep(Duration::from_millis(1200)).await;
    assert_eq!(ballots_in_file(&path), [options[0]]);

    // Another answer moves the ballot.
    option_button(client, options[1])
        .await
        .click()
        .await
        .unwrap();
    wait_for_file(&path, &[options[1]]);

    // Results only when the facilitator reveals them: the hands plus this phone's answer.
    assert_eq!(
        js(client, "return document.getElementById('results').hidden").await,
        json!(true)
    );
    live.send(Control::Reveal);
    until(client, "return !document.getElementById('results').hidden").await;
    let counts = js(
        client,
        "return [...document.querySelectorAll('#bars li')].map(li => \
           li.querySelector('.bar-num').textContent.split(' ')[0])",
    )
    .await;
    let expected = [HANDS[0], HANDS[1] + 1, HANDS[2]].map(|n| n.to_string());
    assert_eq!(counts, json!(expected));
    screenshot(client, shots.revealed).await;

    // The beamer goes blank: so does the phone, and it comes back as it was.
    live.send(Control::Blank(true));
    until(
        client,
        "return !document.getElementById('dark').hidden && document.getElementById('main').hidden",
    )
    .await;
    live.send(Control::Blank(false));
    until(
        client,
        "return document.getElementById('dark').hidden \
           && !document.getElementById('question').hidden",
    )
    .await;

    // The laptop goes away: the page says it is reconnecting. When it is back (on the same
    // address, results no longer revealed), the page follows within 2 s, answer still marked.
    let port: u16 = origin.rsplit(':').next().unwrap().parse().unwrap();
    let before_restart = requests(client).await;
    drop(live);
    until(client, "return !document.getElementById('banner').hidden").await;
    let banner = js(
        client,
        "return document.getElementById('banner').textContent",
    )
    .await;
    let words = &stelling::model::words(language).phone;
    assert_eq!(banner, json!(words.reconnecting));
    let live = Live::start(&path, port);
    let back = Instant::now();
    until(
        client,
        &format!(
            "return document.getElementById('results').hidden \
               && document.getElementById('banner').hidden \
               && document.querySelector('[data-option=\"{}\"]').getAttribute('aria-pressed') \
                  === 'true'",
            options[1]
        ),
    )
    .await;
    let took = back.elapsed();
    assert!(
        took < Duration::from_secs(2),
        "the page took {took:?} to follow"
    );
    assert_eq!(ballots_in_file(&path), [options[1]]);

    // Nothing outside the laptop: every request the page made went to the join address.
    let mut all = before_restart;
    all.extend(requests(client).await);
    for url in all {
        assert!(
            url.starts_with(&format!("{origin}/")),
            "the page requested {url}"
        );
    }
    drop(live);
}

/// The page's own files name no other address: no URL with a scheme or a protocol-relative
/// one, so nothing can be fetched from elsewhere even where the browser's record misses it.
#[test]
fn the_page_names_no_outside_address() {
    for (name, text) in stelling::live::page::FILES {
        assert!(!text.contains("://"), "{name} names an address");
        assert!(
            !text.contains("\"//") && !text.contains("'//") && !text.contains("(//"),
            "{name}"
        );
        assert!(!text.contains("@import"), "{name} imports");
    }
}

#[test]
fn a_phone_votes_from_chromium_and_the_file_follows() {
    in_browser(16, async |client| {
        vote_and_check(
            client,
            Language::Nl,
            "Vergaderingen mogen korter.",
            Shots {
                before: Some("phone-nl-before.png"),
                voted: Some("phone-nl-voted.png"),
                revealed: None,
            },
        )
        .await;
        vote_and_check(
            client,
            Language::En,
            "Meetings should be shorter.",
            Shots {
                before: None,
                voted: None,
                revealed: Some("phone-en-revealed.png"),
            },
        )
        .await;
    });
}

/// At 200 % text size (the browser's default font at 32 px) the page still fits the phone's
/// width and its answer buttons grow with the text.
#[test]
fn the_page_reflows_at_double_text_size() {
    in_browser(32, async |client| {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("live.ron");
        let long = "Onze organisatie zou elke medewerker minstens één dag per maand de ruimte \
                    moeten geven om aan eigen verbeterideeën te werken, ook als projecten \
                    daardoor later klaar zijn.";
        store::save(&path, &session(Language::Nl, long, [0; 3])).unwrap();
        let live = Live::start(&path, 0);
        client.goto(&live.url).await.unwrap();
        until(
            client,
            "return document.querySelectorAll('#options button').length === 3",
        )
        .await;
        let fits = js(
            client,
            "return [document.documentElement.scrollWidth, window.innerWidth, \
               Math.min(...[...document.querySelectorAll('#options button')] \
                 .map(b => b.getBoundingClientRect().height))]",
        )
        .await;
        let [scroll, width, button] = [0, 1, 2].map(|i| fits[i].as_f64().unwrap());
        assert!(scroll <= width, "wider than the phone at 200 %: {fits}");
        assert!(button >= 112.0, "buttons do not grow with the text: {fits}");
        screenshot(client, Some("phone-nl-200-percent.png")).await;
    });
}

/// The file's ballots of the first item's first round as (answer, group).
fn ballots_with_groups(path: &Path) -> Vec<(Id, Option<Id>)> {
    let session = store::load(path).unwrap();
    session.agenda[0].rounds[0]
        .ballots
        .iter()
        .map(|b| (b.option, b.group))
        .collect()
}

fn wait_for_groups(path: &Path, want: &[(Id, Option<Id>)]) {
    let started = Instant::now();
    while ballots_with_groups(path) != want {
        assert!(
            started.elapsed() < PATIENCE,
            "the file's ballots stayed {:?}, expected {want:?}",
            ballots_with_groups(path)
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// A session with tables: the phone picks its table once (remembered after a reload), answers
/// a 0–10 scale from a grid of buttons, and moves its ballot when it picks another table.
#[test]
fn a_phone_picks_its_table_and_answers_a_scale() {
    const TABLES: [Id; 2] = [Id(0x71), Id(0x72)];
    let mut s = Session::new("Tafels", Language::Nl);
    for (id, name) in TABLES.into_iter().zip(["Tafel 1", "Tafel 2"]) {
        s.groups.push(Group {
            id,
            name: name.into(),
            size: None,
        });
    }
    let mut item = Item::new(
        &s,
        ItemKind::Proposition,
        "Hoe tevreden ben je over vandaag?",
    );
    item.options = (0..=10)
        .map(|n| ResponseOption {
            id: Id(0x100 + n),
            label: n.to_string(),
        })
        .collect();
    s.agenda.push(item);
    let seven = Id(0x107);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tafels.ron");
    store::save(&path, &s).unwrap();

    in_browser(16, async |client| {
        let live = Live::start(&path, 0);
        client.goto(&live.url).await.unwrap();
        until(
            client,
            "return !document.getElementById('groups').hidden \
               && document.querySelectorAll('#group-list button').length === 2",
        )
        .await;
        let table = |g: Id| format!("[data-group=\"{g}\"]");
        click(client, Locator::Css(&table(TABLES[1]))).await;
        until(
            client,
            "return document.querySelectorAll('#options.grid button').length === 11",
        )
        .await;
        option_button(client, seven).await.click().await.unwrap();
        wait_for_groups(&path, &[(seven, Some(TABLES[1]))]);
        screenshot(client, Some("phone-nl-scale.png")).await;

        // After a reload the table is known: straight to the question, the answer marked.
        client.refresh().await.unwrap();
        until(
            client,
            &format!(
                "return !document.getElementById('question').hidden \
                   && document.getElementById('groups').hidden \
                   && document.querySelector('[data-option=\"{seven}\"]') \
                        .getAttribute('aria-pressed') === 'true'"
            ),
        )
        .await;

        // Another table: the ballot moves along.
        click(client, Locator::Id("change-group")).await;
        until(client, "return !document.getElementById('groups').hidden").await;
        click(client, Locator::Css(&table(TABLES[0]))).await;
        wait_for_groups(&path, &[(seven, Some(TABLES[0]))]);
        until(client, "return document.getElementById('groups').hidden").await;
        drop(live);
    });
}
