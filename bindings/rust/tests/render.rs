// The binding end to end against the real library: render, decode, errors,
// seeded IDs, caller buffers, a sprite pack from disk and threads.
//
// Test data: $PIXABOTS_TEST_DATA (ctest sets it to tests/data), else the
// repository's tests/data seen from this crate.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use pixabots::{decode_png, tick_duration_ms, Category, Combo, Context, Error, Format, Options, Status, Tick};

fn data_dir() -> PathBuf {
    match std::env::var_os("PIXABOTS_TEST_DATA") {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/data"),
    }
}

fn conformance() -> PathBuf {
    data_dir().join("conformance")
}

fn ctx() -> Context {
    Context::new().expect("the embedded context")
}

fn rgba(size: u32) -> Options {
    Options { size, format: Format::Rgba, ..Options::default() }
}

fn be32(bytes: &[u8]) -> u32 {
    u32::from_be_bytes([bytes[0], bytes[1], bytes[2], bytes[3]])
}

fn expect_err<T: std::fmt::Debug>(result: Result<T, Error>, status: Status) -> Error {
    let error = result.expect_err("the call should fail");
    assert_eq!(error.status, status, "{}", error);
    assert!(!error.message.is_empty(), "{:?} has no message", error);
    error
}

// ---------------------------------------------------------------------------
// A minimal JSON reader for cases.json (the crate takes no dependencies).
// ---------------------------------------------------------------------------

#[derive(Clone, Debug, PartialEq)]
enum Json {
    Null,
    Bool(bool),
    Number(f64),
    Text(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
    fn text(&self) -> &str {
        match self {
            Json::Text(s) => s,
            other => panic!("not a string: {:?}", other),
        }
    }
    fn number(&self) -> f64 {
        match self {
            Json::Number(n) => *n,
            other => panic!("not a number: {:?}", other),
        }
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn parse(text: &'a str) -> Json {
        let mut reader = Reader { bytes: text.as_bytes(), at: 0 };
        let value = reader.value();
        reader.space();
        assert_eq!(reader.at, reader.bytes.len(), "trailing bytes in JSON");
        value
    }

    fn space(&mut self) {
        while self.at < self.bytes.len() && self.bytes[self.at].is_ascii_whitespace() {
            self.at += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> bool {
        self.space();
        if self.bytes.get(self.at) == Some(&byte) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    fn expect(&mut self, byte: u8) {
        assert!(self.eat(byte), "expected {:?} at byte {}", byte as char, self.at);
    }

    fn literal(&mut self, word: &str, value: Json) -> Json {
        assert!(self.bytes[self.at..].starts_with(word.as_bytes()), "bad literal at byte {}", self.at);
        self.at += word.len();
        value
    }

    fn value(&mut self) -> Json {
        self.space();
        match self.bytes.get(self.at).copied() {
            Some(b'{') => {
                self.at += 1;
                let mut members = Vec::new();
                if !self.eat(b'}') {
                    loop {
                        self.space();
                        let key = self.string();
                        self.expect(b':');
                        members.push((key, self.value()));
                        if self.eat(b'}') {
                            break;
                        }
                        self.expect(b',');
                    }
                }
                Json::Object(members)
            }
            Some(b'[') => {
                self.at += 1;
                let mut items = Vec::new();
                if !self.eat(b']') {
                    loop {
                        items.push(self.value());
                        if self.eat(b']') {
                            break;
                        }
                        self.expect(b',');
                    }
                }
                Json::Array(items)
            }
            Some(b'"') => Json::Text(self.string()),
            Some(b't') => self.literal("true", Json::Bool(true)),
            Some(b'f') => self.literal("false", Json::Bool(false)),
            Some(b'n') => self.literal("null", Json::Null),
            Some(_) => {
                let start = self.at;
                while self.at < self.bytes.len() && b"+-.eE0123456789".contains(&self.bytes[self.at]) {
                    self.at += 1;
                }
                let text = std::str::from_utf8(&self.bytes[start..self.at]).unwrap();
                Json::Number(text.parse().unwrap_or_else(|_| panic!("bad number {:?}", text)))
            }
            None => panic!("unexpected end of JSON"),
        }
    }

    fn hex4(&mut self) -> u32 {
        let text = std::str::from_utf8(&self.bytes[self.at..self.at + 4]).unwrap();
        self.at += 4;
        u32::from_str_radix(text, 16).unwrap()
    }

    fn string(&mut self) -> String {
        assert_eq!(self.bytes[self.at], b'"', "expected a string at byte {}", self.at);
        self.at += 1;
        let mut out = Vec::new();
        loop {
            let byte = self.bytes[self.at];
            self.at += 1;
            match byte {
                b'"' => break,
                b'\\' => {
                    let escape = self.bytes[self.at];
                    self.at += 1;
                    let c = match escape {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let mut unit = self.hex4();
                            if (0xd800..0xdc00).contains(&unit) && self.bytes[self.at..].starts_with(b"\\u") {
                                self.at += 2;
                                let low = self.hex4();
                                unit = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
                            }
                            char::from_u32(unit).unwrap_or('\u{fffd}')
                        }
                        other => panic!("bad escape \\{}", other as char),
                    };
                    let mut utf8 = [0u8; 4];
                    out.extend_from_slice(c.encode_utf8(&mut utf8).as_bytes());
                }
                other => out.push(other),
            }
        }
        String::from_utf8(out).expect("UTF-8 JSON string")
    }
}

fn cases() -> Json {
    let path = conformance().join("cases.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {}", path.display(), e));
    Reader::parse(&text)
}

// The case's render options, as the C++ conformance tests read them.
fn case_options(case: &Json) -> Options {
    let mut options = Options { size: case.get("size").unwrap().number() as u32, ..Options::default() };
    if let Some(hue) = case.get("hue") {
        options.hue = hue.number();
    }
    if let Some(saturate) = case.get("saturate") {
        options.saturate = saturate.number();
    }
    if let Some(speed) = case.get("speed") {
        options.speed = speed.number();
    }
    if let Some(bg) = case.get("bg") {
        options.bg = Some(bg.text().to_owned());
    }
    options
}

#[test]
fn the_json_reader_reads_escapes() {
    let value = Reader::parse(r#"{"a": [1, -2.5e1, true, null], "\u00dc\ud83d\ude00\n": "x\"y"}"#);
    assert_eq!(
        value,
        Json::Object(vec![
            (
                "a".into(),
                Json::Array(vec![Json::Number(1.0), Json::Number(-25.0), Json::Bool(true), Json::Null])
            ),
            ("\u{dc}\u{1f600}\n".into(), Json::Text("x\"y".into())),
        ])
    );
}

// ---------------------------------------------------------------------------
// Rendering and decoding
// ---------------------------------------------------------------------------

#[test]
fn renders_2156_to_a_png_that_decodes_to_the_rgba_render() {
    let ctx = ctx();
    let png = ctx.render("2156", &Options::default()).unwrap();

    // The PNG signature, then IHDR first with the size as width and height.
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    assert_eq!(be32(&png[8..12]), 13, "IHDR length");
    assert_eq!(&png[12..16], b"IHDR");
    assert_eq!(be32(&png[16..20]), 128, "width");
    assert_eq!(be32(&png[20..24]), 128, "height");
    assert_eq!(&png[png.len() - 8..png.len() - 4], b"IEND");

    let image = decode_png(&png).unwrap();
    assert_eq!((image.width, image.height), (128, 128));
    let pixels = ctx.render("2156", &rgba(128)).unwrap();
    assert_eq!(pixels.len(), 128 * 128 * 4);
    assert_eq!(image.pixels, pixels);
    assert!(pixels.chunks(4).any(|p| p[3] == 255), "the robot is drawn");
    assert!(pixels.chunks(4).any(|p| p[3] == 0), "the background is transparent");
}

#[test]
fn options_change_the_output() {
    let ctx = ctx();
    let png = ctx.render("2156", &Options { size: 300, ..Options::default() }).unwrap();
    assert_eq!((be32(&png[16..20]), be32(&png[20..24])), (300, 300));

    let plain = ctx.render("2156", &rgba(64)).unwrap();
    let tinted = ctx.render("2156", &Options { hue: 200.0, saturate: 1.5, ..rgba(64) }).unwrap();
    assert_ne!(plain, tinted);
    let flat = ctx.render("2156", &Options { bg: Some("#fde68a".into()), ..rgba(64) }).unwrap();
    assert!(flat.chunks(4).all(|p| p[3] == 255));
    assert_eq!(&flat[..4], &[0xfd, 0xe6, 0x8a, 0xff], "the corner is the background");

    // Every tick stacked: tick_count frames of size x size.
    let ticks = ctx.tick_count("2156").unwrap();
    assert!(ticks == 8 || ticks == 16);
    let all = ctx.render("2156", &Options { tick: Tick::All, ..rgba(32) }).unwrap();
    assert_eq!(all.len(), 32 * 32 * 4 * ticks as usize);
    let tick3 = ctx.render("2156", &Options { tick: Tick::At(3), ..rgba(32) }).unwrap();
    assert_eq!(tick3[..], all[3 * 32 * 32 * 4..4 * 32 * 32 * 4]);
    let stacked = decode_png(
        &ctx.render("2156", &Options { size: 32, tick: Tick::All, ..Options::default() }).unwrap(),
    )
    .unwrap();
    assert_eq!((stacked.width, stacked.height), (32, 32 * ticks));
    assert_eq!(stacked.pixels, all);
}

#[test]
fn renders_every_format() {
    let ctx = ctx();
    let with =
        |format: Format| ctx.render("2156", &Options { size: 64, format, ..Options::default() }).unwrap();
    assert!(with(Format::Gif).starts_with(b"GIF89a"));
    let webp = with(Format::Webp);
    assert!(webp.starts_with(b"RIFF") && &webp[8..12] == b"WEBP");
    let apng = with(Format::Apng);
    assert!(apng.starts_with(b"\x89PNG") && apng.windows(4).any(|w| w == b"acTL"));
    let svg = String::from_utf8(with(Format::Svg)).unwrap();
    assert!(svg.starts_with("<svg"), "{}", &svg[..40.min(svg.len())]);
    let compact = ctx
        .render("2156", &Options { size: 64, format: Format::Svg, compact_svg: true, ..Options::default() })
        .unwrap();
    assert!(compact.len() < svg.len());
    let metadata = String::from_utf8(with(Format::MetadataJson)).unwrap();
    let metadata = Reader::parse(&metadata);
    assert_eq!(metadata.get("id").unwrap().text(), "2156");
    let custom = ctx
        .render(
            "2156",
            &Options {
                format: Format::MetadataJson,
                origin: Some("https://example.test".into()),
                ..Options::default()
            },
        )
        .unwrap();
    assert!(String::from_utf8(custom).unwrap().contains("https://example.test"));
    let frames = String::from_utf8(with(Format::FramesJson)).unwrap();
    Reader::parse(&frames);

    let sheet_options = Options {
        size: 32,
        format: Format::SheetPng,
        sheet_columns: 4,
        sheet_image: Some("bot.png".into()),
        ..Options::default()
    };
    let sheet = decode_png(&ctx.render("2156", &sheet_options).unwrap()).unwrap();
    assert_eq!(sheet.width, 4 * 32);
    let json = ctx.render("2156", &Options { format: Format::SheetJson, ..sheet_options }).unwrap();
    assert!(String::from_utf8(json).unwrap().contains("bot.png"));
}

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

#[test]
fn a_bad_id_is_an_invalid_id_error() {
    let ctx = ctx();
    let error = expect_err(ctx.render("zzzz", &Options::default()), Status::InvalidId);
    assert!(error.message.contains("zzzz"), "{}", error.message);
    assert!(error.to_string().contains(&error.message));
    let _: &dyn std::error::Error = &error;

    for bad in ["", "215", "21567", "21_6", "ZZZZ"] {
        expect_err(ctx.render(bad, &Options::default()), Status::InvalidId);
        assert!(!ctx.is_valid(bad), "{:?}", bad);
    }
    // A NUL inside an ID is refused before the C call, without a panic.
    let error = expect_err(ctx.render("21\0", &Options::default()), Status::InvalidId);
    assert!(error.message.contains("NUL"));
    expect_err(ctx.decode("2\u{0}56"), Status::InvalidId);
    expect_err(ctx.next_id("2\u{0}56"), Status::InvalidId);
    expect_err(ctx.tick_count("zzzz"), Status::InvalidId);
    expect_err(ctx.combo_index("zzzz"), Status::InvalidId);
    assert!(ctx.is_valid("2156"));
    assert!(ctx.check_id("2156").is_ok());
}

#[test]
fn a_bad_option_is_an_invalid_option_error() {
    let ctx = ctx();
    let error =
        expect_err(ctx.render("2156", &Options { size: 20, ..Options::default() }), Status::InvalidOption);
    assert!(error.message.contains("32 and 1920"), "{}", error.message);
    assert!(error.message.contains("20"), "{}", error.message);
    expect_err(ctx.render("2156", &Options { size: u32::MAX, ..Options::default() }), Status::InvalidOption);
    expect_err(ctx.render("2156", &Options { size: 1921, ..Options::default() }), Status::InvalidOption);
    expect_err(ctx.render("2156", &Options { saturate: 5.0, ..Options::default() }), Status::InvalidOption);
    expect_err(ctx.render("2156", &Options { speed: 0.1, ..Options::default() }), Status::InvalidOption);
    expect_err(ctx.render("2156", &Options { hue: f64::NAN, ..Options::default() }), Status::InvalidOption);
    expect_err(
        ctx.render("2156", &Options { bg: Some("yellow".into()), ..Options::default() }),
        Status::InvalidOption,
    );
    expect_err(
        ctx.render("2156", &Options { bg: Some("#fff\0fff".into()), ..Options::default() }),
        Status::InvalidOption,
    );
    expect_err(
        ctx.render("2156", &Options { tick: Tick::At(16), ..Options::default() }),
        Status::InvalidOption,
    );
    expect_err(
        ctx.render("2156", &Options { tick: Tick::At(1), format: Format::Gif, ..Options::default() }),
        Status::InvalidOption,
    );
    expect_err(
        ctx.render("2156", &Options { format: Format::SheetPng, sheet_columns: 17, ..Options::default() }),
        Status::InvalidOption,
    );
    expect_err(
        ctx.render("2156", &Options { sheet_columns: u32::MAX, ..Options::default() }),
        Status::InvalidOption,
    );
}

#[test]
fn other_errors_carry_their_status() {
    expect_err(decode_png(b"not a png"), Status::Codec);
    expect_err(decode_png(&[]), Status::Codec);
    let missing = std::env::temp_dir().join("pixabots-rust-no-such-pack");
    let error = expect_err(Context::from_directory(&missing), Status::Io);
    assert!(error.message.contains("pixabots-rust-no-such-pack"), "{}", error.message);
    expect_err(Context::from_directory("a\0b"), Status::InvalidArgument);
    let bad: &[(&str, &[u8])] = &[("eyes/visor.png", b"not a png")];
    let error = Context::from_files(bad).expect_err("a broken pack");
    assert!(matches!(error.status, Status::InvalidPack | Status::Codec), "{}", error);
    expect_err(Context::from_files(&[("a\0b", b"".as_slice())]), Status::InvalidArgument);
    assert_eq!(Status::from_code(7), Some(Status::BufferTooSmall));
    assert_eq!(Status::BufferTooSmall.to_string(), "buffer too small");
}

// The message is read on the failing thread right after the call: each
// thread sees its own.
#[test]
fn error_messages_belong_to_their_thread() {
    let ctx = ctx();
    std::thread::scope(|scope| {
        for size in [20u32, 21, 22, 23, 2000, 2001, 2002, 2003] {
            let ctx = &ctx;
            scope.spawn(move || {
                for _ in 0..50 {
                    let error = ctx.render("2156", &Options { size, ..rgba(64) }).unwrap_err();
                    assert!(error.message.contains(&format!("size {} ", size)), "{}", error.message);
                }
            });
        }
    });
}

// ---------------------------------------------------------------------------
// IDs and the catalog
// ---------------------------------------------------------------------------

#[test]
fn seeded_ids_match_the_javascript_core() {
    let ctx = ctx();
    let all = cases();
    let seeded = match all.get("seeded") {
        Some(Json::Object(members)) => members.clone(),
        other => panic!("no seeded vectors: {:?}", other),
    };
    assert_eq!(seeded.len(), 8);
    for (text, id) in &seeded {
        assert_eq!(ctx.seeded_id(text).unwrap(), id.text(), "seed {:?}", text);
    }
    assert_eq!(ctx.seeded_id("alice").unwrap(), "3409");
    assert_eq!(ctx.seeded_id("").unwrap(), "5006");
    assert_eq!(ctx.seeded_id("Ünïcödé ✓").unwrap(), "7507");
    // NUL characters are text like any other, passed with their length.
    let with_nul = ctx.seeded_id("a\0b").unwrap();
    assert_eq!(with_nul, ctx.seeded_id("a\0b").unwrap());
    assert!(ctx.is_valid(&with_nul));
}

#[test]
fn ids_combos_and_browse_order() {
    let ctx = ctx();
    assert_eq!(ctx.combo_count(), 10_752);
    let combo = ctx.decode("2156").unwrap();
    assert_eq!(combo, Combo { eyes: 2, heads: 1, body: 5, top: 6 });
    assert_eq!(ctx.encode(&combo).unwrap(), "2156");
    assert_eq!(combo.part(Category::Body), 5);
    expect_err(ctx.encode(&Combo { eyes: 99, ..combo }), Status::InvalidId);
    expect_err(ctx.encode(&Combo { top: u32::MAX, ..combo }), Status::InvalidId);

    let names: Vec<&str> = Category::ALL.iter().map(|&c| ctx.part_name(c, combo.part(c)).unwrap()).collect();
    assert_eq!(names, ["glasses", "blob", "wings", "mohawk"]);
    let total: u32 = Category::ALL.iter().map(|&c| ctx.part_count(c)).product();
    assert_eq!(total, ctx.combo_count());
    let error =
        expect_err(ctx.part_name(Category::Eyes, ctx.part_count(Category::Eyes)), Status::InvalidOption);
    assert!(error.message.contains("eyes"), "{}", error.message);
    expect_err(ctx.part_name(Category::Top, u32::MAX), Status::InvalidOption);

    let index = ctx.combo_index("2156").unwrap();
    assert_eq!(ctx.id_at(index).unwrap(), "2156");
    let next = ctx.next_id("2156").unwrap();
    assert_eq!(ctx.combo_index(&next).unwrap(), index + 1);
    assert_eq!(ctx.previous_id(&next).unwrap(), "2156");
    let first = ctx.id_at(0).unwrap();
    let last = ctx.id_at(ctx.combo_count() - 1).unwrap();
    assert_eq!(ctx.next_id(&last).unwrap(), first);
    assert_eq!(ctx.previous_id(&first).unwrap(), last);
    expect_err(ctx.id_at(ctx.combo_count()), Status::InvalidId);

    for _ in 0..100 {
        let id = ctx.random_id().unwrap();
        assert_eq!(id.len(), 4);
        assert!(ctx.is_valid(&id), "{}", id);
    }
}

#[test]
fn the_loaded_library_reports_its_version() {
    let version = pixabots::version();
    let parts: Vec<u32> = version.split('.').map(|p| p.parse().unwrap()).collect();
    assert_eq!(parts.len(), 3, "{}", version);
    assert_eq!(pixabots::version_number(), parts[0] * 10_000 + parts[1] * 100 + parts[2]);
}

// ---------------------------------------------------------------------------
// Caller buffers
// ---------------------------------------------------------------------------

#[test]
fn a_small_buffer_reports_the_size_needed() {
    let ctx = ctx();
    let options = Options::default();
    let png = ctx.render("2156", &options).unwrap();

    let mut small = [0u8; 16];
    let error = expect_err(ctx.render_into("2156", &options, &mut small), Status::BufferTooSmall);
    assert_eq!(error.required_size, Some(png.len()));
    assert!(error.message.contains(&png.len().to_string()), "{}", error.message);
    assert_eq!(small, [0u8; 16], "nothing written on failure");
    assert_eq!(ctx.required_size("2156", &options).unwrap(), png.len());

    let mut buffer = vec![0u8; png.len() + 10];
    let written = ctx.render_into("2156", &options, &mut buffer).unwrap();
    assert_eq!(written, png.len());
    assert_eq!(buffer[..written], png[..]);

    // RGBA: the size is known without rendering; straight into the buffer.
    assert_eq!(ctx.required_size("2156", &rgba(100)).unwrap(), 100 * 100 * 4);
    let ticks = ctx.tick_count("2156").unwrap() as usize;
    assert_eq!(
        ctx.required_size("2156", &Options { tick: Tick::All, ..rgba(40) }).unwrap(),
        40 * 40 * 4 * ticks
    );
    let mut pixels = vec![0u8; 100 * 100 * 4];
    assert_eq!(ctx.render_into("2156", &rgba(100), &mut pixels).unwrap(), pixels.len());
    assert_eq!(pixels, ctx.render("2156", &rgba(100)).unwrap());
    let error = expect_err(ctx.render_into("2156", &rgba(100), &mut pixels[..1000]), Status::BufferTooSmall);
    assert_eq!(error.required_size, Some(100 * 100 * 4));
    let error = expect_err(ctx.render_into("2156", &rgba(100), &mut []), Status::BufferTooSmall);
    assert_eq!(error.required_size, Some(100 * 100 * 4));

    // Errors other than the size still win.
    expect_err(ctx.required_size("zzzz", &options), Status::InvalidId);
    expect_err(ctx.render_into("2156", &Options { size: 20, ..options }, &mut buffer), Status::InvalidOption);
}

// ---------------------------------------------------------------------------
// Packs: the conformance pack against the service's own renders
// ---------------------------------------------------------------------------

fn assert_matches_reference(ours: &[u8], reference: &pixabots::Image, tolerance: u8, what: &str) {
    assert_eq!(ours.len(), reference.pixels.len(), "{}: size", what);
    let worst = ours.iter().zip(&reference.pixels).map(|(a, b)| a.abs_diff(*b)).max().unwrap_or(0);
    assert!(worst <= tolerance, "{}: a channel differs by {}", what, worst);
}

#[test]
fn a_pack_directory_renders_the_service_conformance_cases() {
    let pack = Context::from_directory(conformance().join("pack")).unwrap();
    let all = cases();
    let list = match all.get("cases") {
        Some(Json::Array(list)) => list.clone(),
        other => panic!("no cases: {:?}", other),
    };
    let (mut stills, mut ticks) = (0, 0);
    for case in &list {
        let file = case.get("file").unwrap().text();
        let kind = case.get("kind").unwrap().text();
        let id = case.get("id").unwrap().text();
        if kind != "png" && kind != "ticks" {
            continue;
        }
        let reference = decode_png(&std::fs::read(conformance().join(file)).unwrap()).unwrap();
        assert_eq!(reference.width as f64, case.get("width").unwrap().number(), "{}", file);
        assert_eq!(reference.height as f64, case.get("height").unwrap().number(), "{}", file);
        let mut options = case_options(case);
        if kind == "ticks" {
            // Every tick stacked, exactly.
            options.tick = Tick::All;
            assert_eq!(pack.tick_count(id).unwrap() as f64, case.get("ticks").unwrap().number(), "{}", file);
            let png = pack.render(id, &options).unwrap();
            assert_matches_reference(&decode_png(&png).unwrap().pixels, &reference, 0, file);
            ticks += 1;
        } else {
            // Exact, except palette-transformed renders: within 1 per channel.
            let tolerance = if options.hue != 0.0 || options.saturate != 1.0 { 1 } else { 0 };
            let png = pack.render(id, &options).unwrap();
            let decoded = decode_png(&png).unwrap();
            assert_eq!((decoded.width, decoded.height), (reference.width, reference.height), "{}", file);
            assert_matches_reference(&decoded.pixels, &reference, tolerance, file);
            options.format = Format::Rgba;
            assert_eq!(pack.render(id, &options).unwrap(), decoded.pixels, "{}: PNG and RGBA", file);
            stills += 1;
        }
    }
    assert_eq!((stills, ticks), (102, 12));
}

#[test]
fn a_pack_in_memory_draws_like_the_same_pack_on_disk() {
    let dir = conformance().join("pack");
    let mut files: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    for category in Category::ALL {
        for entry in std::fs::read_dir(dir.join(category.name())).unwrap() {
            let path = entry.unwrap().path();
            let name = format!("{}/{}", category.name(), path.file_name().unwrap().to_str().unwrap());
            files.insert(name, std::fs::read(&path).unwrap());
        }
    }
    let list: Vec<(&str, &[u8])> = files.iter().map(|(k, v)| (k.as_str(), v.as_slice())).collect();
    let memory = Context::from_files(&list).unwrap();
    drop(files); // the library copied the bytes
    let disk = Context::from_directory(&dir).unwrap();
    let embedded = ctx();
    for id in ["0000", "2156", "f763"] {
        let from_memory = memory.render(id, &rgba(64)).unwrap();
        assert_eq!(from_memory, disk.render(id, &rgba(64)).unwrap(), "{}", id);
        assert_ne!(from_memory, embedded.render(id, &rgba(64)).unwrap(), "{}: our art differs", id);
    }
    assert_eq!(memory.part_name(Category::Eyes, 2).unwrap(), "glasses");
}

// ---------------------------------------------------------------------------
// Threads
// ---------------------------------------------------------------------------

#[test]
fn eight_threads_render_with_one_context() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Context>();

    let ctx = ctx();
    let ids: Vec<String> = (0..24).map(|i| ctx.id_at(i * 448).unwrap()).collect();
    let formats = [Format::Png, Format::Rgba, Format::Gif];
    let expected: Vec<Vec<u8>> = ids
        .iter()
        .zip(formats.iter().cycle())
        .map(|(id, &format)| ctx.render(id, &Options { size: 96, format, ..Options::default() }).unwrap())
        .collect();

    std::thread::scope(|scope| {
        for thread in 0..8 {
            let (ctx, ids, expected) = (&ctx, &ids, &expected);
            scope.spawn(move || {
                for round in 0..3 {
                    for (i, (id, &format)) in ids.iter().zip(formats.iter().cycle()).enumerate() {
                        if (i + thread + round) % 2 == 0 {
                            let bytes =
                                ctx.render(id, &Options { size: 96, format, ..Options::default() }).unwrap();
                            assert_eq!(bytes, expected[i], "thread {} id {}", thread, id);
                        }
                    }
                }
            });
        }
    });

    // A context moves to another thread and is dropped there.
    let shared = Arc::new(Context::new().unwrap());
    let handle = {
        let shared = Arc::clone(&shared);
        std::thread::spawn(move || shared.render("2156", &Options::default()).unwrap())
    };
    assert_eq!(handle.join().unwrap(), expected_png(&shared));
    let owned = Context::new().unwrap();
    std::thread::spawn(move || drop(owned)).join().unwrap();
}

fn expected_png(ctx: &Context) -> Vec<u8> {
    ctx.render("2156", &Options::default()).unwrap()
}

#[test]
fn tick_and_loop_durations() {
    for (speed, ms) in [(1.0, 72), (0.25, 288), (0.5, 144), (2.0, 36), (3.0, 24), (4.0, 20)] {
        assert_eq!(tick_duration_ms(speed).unwrap(), ms, "speed {}", speed);
        assert_eq!(ms, 20.max((72.0_f64 / speed).round() as u32));
    }
    let error = expect_err(tick_duration_ms(5.0), Status::InvalidOption);
    assert!(error.message().contains("speed 5 is out of range: must be between 0.25 and 4"), "{}", error);
    let ctx = ctx();
    // One ID of each loop length: 8 ticks (nothing animates) and 16.
    let mut ids = BTreeMap::new();
    for index in 0..ctx.combo_count() {
        let id = ctx.id_at(index).unwrap();
        ids.entry(ctx.tick_count(&id).unwrap()).or_insert(id);
        if ids.len() == 2 {
            break;
        }
    }
    assert_eq!(ids.keys().copied().collect::<Vec<_>>(), vec![8, 16]);
    for (ticks, id) in &ids {
        assert_eq!(ctx.loop_duration_ms(id, 1.0).unwrap(), ticks * 72);
        assert_eq!(ctx.loop_duration_ms(id, 0.25).unwrap(), ticks * 288);
    }
    expect_err(ctx.loop_duration_ms("zzzz", 1.0), Status::InvalidId);
}

#[test]
fn the_catalog_as_json() {
    let ctx = ctx();
    let text = ctx.catalog_json().unwrap();
    let catalog = Reader::parse(&text);
    assert_eq!(catalog.get("combinations").unwrap().number(), 10752.0);
    let eyes = match catalog.get("categories").unwrap().get("eyes").unwrap() {
        Json::Array(parts) => parts,
        other => panic!("eyes is not an array: {:?}", other),
    };
    assert_eq!(eyes.len() as u32, ctx.part_count(Category::Eyes));
    assert_eq!(eyes[2].get("name").unwrap().text(), ctx.part_name(Category::Eyes, 2).unwrap());
}
