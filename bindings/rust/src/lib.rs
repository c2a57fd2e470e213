//! Pixel-art robots from 4-character IDs: a safe binding over the pixabots C ABI.
//!
//! ```no_run
//! use pixabots::{Context, Format, Options};
//!
//! let ctx = Context::new()?; // the art embedded in the library
//! let png = ctx.render("2156", &Options { size: 256, ..Options::default() })?;
//! let alice = ctx.seeded_id("alice")?; // "3409", the same everywhere
//! let rgba = ctx.render(&alice, &Options { format: Format::Rgba, ..Options::default() })?;
//! # let _ = (png, rgba);
//! # Ok::<(), pixabots::Error>(())
//! ```
//!
//! Every call that can fail returns [`Result`] with an [`Error`]: a [`Status`]
//! (the C `pxb_status`) and the library's message naming the bad value and what
//! is accepted. Buffers are copied into Rust-owned `Vec`s and the library's
//! copies released with `pxb_free`; strings owned by a context borrow from the
//! [`Context`]. The raw declarations are in [`ffi`].

#![deny(unsafe_op_in_unsafe_fn)]

pub mod ffi;

use std::ffi::{CStr, CString};
use std::fmt;
use std::os::raw::c_char;
use std::path::Path;
use std::ptr::{self, NonNull};

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

/// Why a call failed: the C ABI's `pxb_status` values other than `PXB_OK`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Status {
    /// Not 4 base-36 characters naming parts that exist.
    InvalidId,
    /// size, hue, saturate, bg, speed, tick, ... out of range.
    InvalidOption,
    /// A sprite pack that breaks the rules (docs/packs.md).
    InvalidPack,
    /// A file or directory that could not be read.
    Io,
    /// An image that could not be decoded or encoded.
    Codec,
    /// A NULL pointer or unknown enum value reached the library (or a path or
    /// file name with a NUL byte was refused before the call).
    InvalidArgument,
    /// The caller's buffer; [`Error::required_size`] holds the size needed.
    BufferTooSmall,
    OutOfMemory,
    /// The library was built with another `pxb_options` layout than this crate.
    VersionMismatch,
    /// A bug in the library: please report it with the message.
    Internal,
    /// A status this crate does not know (a newer library).
    Unknown(i32),
}

impl Status {
    /// The status for a `pxb_status` code; `None` for `PXB_OK`.
    pub fn from_code(code: i32) -> Option<Status> {
        Some(match code {
            ffi::PXB_OK => return None,
            ffi::PXB_ERR_INVALID_ID => Status::InvalidId,
            ffi::PXB_ERR_INVALID_OPTION => Status::InvalidOption,
            ffi::PXB_ERR_INVALID_PACK => Status::InvalidPack,
            ffi::PXB_ERR_IO => Status::Io,
            ffi::PXB_ERR_CODEC => Status::Codec,
            ffi::PXB_ERR_INVALID_ARGUMENT => Status::InvalidArgument,
            ffi::PXB_ERR_BUFFER_TOO_SMALL => Status::BufferTooSmall,
            ffi::PXB_ERR_OUT_OF_MEMORY => Status::OutOfMemory,
            ffi::PXB_ERR_VERSION_MISMATCH => Status::VersionMismatch,
            ffi::PXB_ERR_INTERNAL => Status::Internal,
            other => Status::Unknown(other),
        })
    }

    /// The `pxb_status` code.
    pub fn code(self) -> i32 {
        match self {
            Status::InvalidId => ffi::PXB_ERR_INVALID_ID,
            Status::InvalidOption => ffi::PXB_ERR_INVALID_OPTION,
            Status::InvalidPack => ffi::PXB_ERR_INVALID_PACK,
            Status::Io => ffi::PXB_ERR_IO,
            Status::Codec => ffi::PXB_ERR_CODEC,
            Status::InvalidArgument => ffi::PXB_ERR_INVALID_ARGUMENT,
            Status::BufferTooSmall => ffi::PXB_ERR_BUFFER_TOO_SMALL,
            Status::OutOfMemory => ffi::PXB_ERR_OUT_OF_MEMORY,
            Status::VersionMismatch => ffi::PXB_ERR_VERSION_MISMATCH,
            Status::Internal => ffi::PXB_ERR_INTERNAL,
            Status::Unknown(code) => code,
        }
    }

    /// The library's fixed English description (`pxb_strerror`).
    pub fn description(self) -> &'static str {
        // SAFETY: pxb_strerror accepts any value and returns a static string,
        // never NULL; the library's strings are ASCII.
        unsafe { static_str(ffi::pxb_strerror(self.code())) }.unwrap_or("unknown status")
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.description())
    }
}

/// A failed call: the status and the library's detail message, e.g.
/// `size 20 is out of range: must be an integer between 32 and 1920`.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Error {
    pub status: Status,
    pub message: String,
    /// With [`Status::BufferTooSmall`]: the bytes the output needs.
    pub required_size: Option<usize>,
}

impl Error {
    fn new(status: Status, message: impl Into<String>) -> Error {
        Error { status, message: message.into(), required_size: None }
    }

    /// The error for a failed call's `code`, with this thread's
    /// `pxb_last_error()`; call right after the failing call, on its thread.
    fn last(code: ffi::pxb_status) -> Error {
        let status = Status::from_code(code).unwrap_or(Status::Internal);
        // SAFETY: pxb_last_error returns this thread's message, valid until the
        // thread's next failed call; it is copied at once.
        let detail = unsafe { ffi::pxb_last_error() };
        let message = if detail.is_null() {
            String::new()
        } else {
            // SAFETY: non-NULL, NUL-terminated, owned by the library.
            unsafe { CStr::from_ptr(detail) }.to_string_lossy().into_owned()
        };
        let message = if message.is_empty() { status.description().to_owned() } else { message };
        Error::new(status, message)
    }

    /// The status (also a public field).
    pub fn status(&self) -> Status {
        self.status
    }

    /// The detail message (also a public field).
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.status, self.message)
    }
}

impl std::error::Error for Error {}

/// `Ok(())` for `PXB_OK`, else the thread's last error.
fn check(code: ffi::pxb_status) -> Result<(), Error> {
    if code == ffi::PXB_OK {
        Ok(())
    } else {
        Err(Error::last(code))
    }
}

/// A `'static` C string as `&str`; `None` for NULL or non-UTF-8.
///
/// # Safety
/// `p` must be NULL or a NUL-terminated string that lives forever.
unsafe fn static_str(p: *const c_char) -> Option<&'static str> {
    if p.is_null() {
        None
    } else {
        // SAFETY: guaranteed by the caller.
        unsafe { CStr::from_ptr(p) }.to_str().ok()
    }
}

/// An ID as a C string; an interior NUL is an invalid ID, not a panic.
fn c_id(id: &str) -> Result<CString, Error> {
    CString::new(id)
        .map_err(|_| Error::new(Status::InvalidId, format!("invalid ID {:?}: contains a NUL byte", id)))
}

/// A C string for option `name`; an interior NUL is an invalid option.
fn c_option(name: &str, value: &Option<String>) -> Result<Option<CString>, Error> {
    match value {
        None => Ok(None),
        Some(text) => CString::new(text.as_str()).map(Some).map_err(|_| {
            Error::new(Status::InvalidOption, format!("{} {:?} contains a NUL byte", name, text))
        }),
    }
}

/// The ID in an `out_id` buffer the library filled.
fn id_from(buffer: &[c_char; ffi::PXB_ID_BUFFER_SIZE]) -> String {
    buffer.iter().take_while(|&&c| c != 0).map(|&c| c as u8 as char).collect()
}

/// A buffer the library handed over, released with `pxb_free` on drop.
struct LibraryBuffer(*mut u8);

impl LibraryBuffer {
    /// The first `len` bytes copied into a `Vec`.
    fn to_vec(&self, len: usize) -> Vec<u8> {
        if self.0.is_null() || len == 0 {
            return Vec::new();
        }
        // SAFETY: the library reported `len` readable bytes at this pointer.
        unsafe { std::slice::from_raw_parts(self.0, len) }.to_vec()
    }
}

impl Drop for LibraryBuffer {
    fn drop(&mut self) {
        // SAFETY: the pointer came from the library (or is NULL, which is fine).
        unsafe { ffi::pxb_free(self.0.cast()) }
    }
}

// ---------------------------------------------------------------------------
// Library-wide calls
// ---------------------------------------------------------------------------

/// The version of the library actually loaded, "major.minor.patch".
pub fn version() -> &'static str {
    // SAFETY: static storage, never NULL.
    unsafe { static_str(ffi::pxb_version()) }.unwrap_or("")
}

/// The loaded library's version as major * 10000 + minor * 100 + patch.
pub fn version_number() -> u32 {
    // SAFETY: no arguments, no state.
    unsafe { ffi::pxb_version_number() }
}

/// Milliseconds one animation tick is shown at `speed` (0.25..4):
/// max(20, round(72 / speed)), the same for every ID. For engines that play
/// the ticks themselves ([`Tick`]).
pub fn tick_duration_ms(speed: f64) -> Result<u32, Error> {
    let mut ms = 0i32;
    // SAFETY: a valid output.
    check(unsafe { ffi::pxb_tick_duration_ms(speed, &mut ms) })?;
    Ok(ms.max(0) as u32)
}

/// A decoded image: 8-bit RGBA, rows `width * 4` bytes, not premultiplied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Image {
    pub width: u32,
    pub height: u32,
    pub pixels: Vec<u8>,
}

/// Decodes a PNG of any colour type and bit depth to RGBA. Images over
/// 8192 x 8192 or 2^24 pixels are refused with [`Status::Codec`].
pub fn decode_png(data: &[u8]) -> Result<Image, Error> {
    let mut out: *mut u8 = ptr::null_mut();
    let (mut width, mut height) = (0i32, 0i32);
    // SAFETY: `data` is readable for its length; the outputs are valid.
    check(unsafe { ffi::pxb_decode_png(data.as_ptr(), data.len(), &mut out, &mut width, &mut height) })?;
    let buffer = LibraryBuffer(out);
    let (width, height) = (width.max(0) as u32, height.max(0) as u32);
    let pixels = buffer.to_vec(width as usize * height as usize * 4);
    Ok(Image { width, height, pixels })
}

// ---------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------

/// What [`Context::render`] produces (`pxb_format`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Format {
    /// A still PNG (or one tick, or every tick stacked: see [`Tick`]).
    #[default]
    Png,
    /// The animation, looping.
    Gif,
    /// The animation as lossless WebP, alpha kept.
    Webp,
    /// The animation as animated PNG.
    Apng,
    /// The service's SVG, or merged runs with [`Options::compact_svg`].
    Svg,
    /// Raw 8-bit RGBA, rows `size * 4` bytes, not premultiplied.
    Rgba,
    /// The service's `{id, combo, parts, png, gif}` document.
    MetadataJson,
    /// The service's frames document (client-side playback).
    FramesJson,
    /// Every animation frame in one PNG (strip or grid).
    SheetPng,
    /// The sheet's frame data.
    SheetJson,
}

impl Format {
    fn code(self) -> ffi::pxb_format {
        match self {
            Format::Png => ffi::PXB_FORMAT_PNG,
            Format::Gif => ffi::PXB_FORMAT_GIF,
            Format::Webp => ffi::PXB_FORMAT_WEBP,
            Format::Apng => ffi::PXB_FORMAT_APNG,
            Format::Svg => ffi::PXB_FORMAT_SVG,
            Format::Rgba => ffi::PXB_FORMAT_RGBA,
            Format::MetadataJson => ffi::PXB_FORMAT_METADATA_JSON,
            Format::FramesJson => ffi::PXB_FORMAT_FRAMES_JSON,
            Format::SheetPng => ffi::PXB_FORMAT_SHEET_PNG,
            Format::SheetJson => ffi::PXB_FORMAT_SHEET_JSON,
        }
    }
}

/// Which moment a PNG or RGBA render shows (`pxb_options.tick`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Tick {
    /// The still image: frame 0 of every part, no bounce.
    #[default]
    Still,
    /// One tick of the animation, 0..15.
    At(u8),
    /// Every tick the animation encodes, stacked vertically (see
    /// [`Context::tick_count`]).
    All,
}

/// How to render; `Options::default()` is the library's defaults.
///
/// ```
/// let options = pixabots::Options { size: 256, hue: 200.0, ..Default::default() };
/// # let _ = options;
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    /// Output width and height, 32..1920 (default 128).
    pub size: u32,
    /// Hue rotation in degrees, any finite number (default 0).
    pub hue: f64,
    /// Chroma multiplier 0..4 (default 1).
    pub saturate: f64,
    /// `"#rrggbb"` to flatten onto; `None` = transparent.
    pub bg: Option<String>,
    /// Animation speed 0.25..4 (default 1).
    pub speed: f64,
    pub format: Format,
    /// PNG and RGBA only; other formats need [`Tick::Still`].
    pub tick: Tick,
    /// SVG: merge same-colour runs (same picture, fewer bytes).
    pub compact_svg: bool,
    /// Sheets: 0 = one row, 1..16 = a grid that many frames wide.
    pub sheet_columns: u32,
    /// Sheets: merge identical consecutive ticks.
    pub merge_repeats: bool,
    /// JSON URLs; `None` = `"https://pixabots.com"`.
    pub origin: Option<String>,
    /// Sheet JSON's `meta.image`; `None` = `"sheet.png"`.
    pub sheet_image: Option<String>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            size: 128,
            hue: 0.0,
            saturate: 1.0,
            bg: None,
            speed: 1.0,
            format: Format::Png,
            tick: Tick::Still,
            compact_svg: false,
            sheet_columns: 0,
            merge_repeats: false,
            origin: None,
            sheet_image: None,
        }
    }
}

/// `pxb_options` plus the C strings its pointers borrow, kept alive together.
struct RawOptions {
    raw: ffi::pxb_options,
    _strings: [Option<CString>; 3],
}

/// A `u32` option as the C `int32_t`; values past `i32::MAX` are refused here.
fn option_i32(name: &str, value: u32) -> Result<i32, Error> {
    i32::try_from(value)
        .map_err(|_| Error::new(Status::InvalidOption, format!("{} {} is out of range", name, value)))
}

impl Options {
    fn to_raw(&self) -> Result<RawOptions, Error> {
        let mut raw = std::mem::MaybeUninit::<ffi::pxb_options>::zeroed();
        // SAFETY: `raw` is writable; the library fills every field.
        // struct_size is this mirror's size: the library reads these fields
        // and gives any it has added since their defaults.
        let size = std::mem::size_of::<ffi::pxb_options>();
        check(unsafe { ffi::pxb_options_init_size(raw.as_mut_ptr(), size) })?;
        // SAFETY: initialised by the call above (and zeroed before it).
        let mut raw = unsafe { raw.assume_init() };
        let bg = c_option("bg", &self.bg)?;
        let origin = c_option("origin", &self.origin)?;
        let sheet_image = c_option("sheet_image", &self.sheet_image)?;
        let pointer = |s: &Option<CString>| s.as_ref().map_or(ptr::null(), |s| s.as_ptr());
        raw.size = option_i32("size", self.size)?;
        raw.hue = self.hue;
        raw.saturate = self.saturate;
        raw.bg = pointer(&bg);
        raw.speed = self.speed;
        raw.format = self.format.code();
        raw.tick = match self.tick {
            Tick::Still => ffi::PXB_TICK_STILL,
            Tick::At(tick) => i32::from(tick),
            Tick::All => ffi::PXB_TICK_ALL,
        };
        raw.compact_svg = i32::from(self.compact_svg);
        raw.sheet_columns = option_i32("sheet_columns", self.sheet_columns)?;
        raw.merge_repeats = i32::from(self.merge_repeats);
        raw.origin = pointer(&origin);
        raw.sheet_image = pointer(&sheet_image);
        // Moving a CString does not move its heap bytes: the pointers stay valid.
        Ok(RawOptions { raw, _strings: [bg, origin, sheet_image] })
    }
}

// ---------------------------------------------------------------------------
// The catalog
// ---------------------------------------------------------------------------

/// A part category, in encoding order (the order of an ID's characters).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Category {
    Eyes,
    Heads,
    Body,
    Top,
}

impl Category {
    /// Every category in encoding order.
    pub const ALL: [Category; 4] = [Category::Eyes, Category::Heads, Category::Body, Category::Top];

    /// "eyes", "heads", "body" or "top".
    pub fn name(self) -> &'static str {
        match self {
            Category::Eyes => "eyes",
            Category::Heads => "heads",
            Category::Body => "body",
            Category::Top => "top",
        }
    }

    fn code(self) -> ffi::pxb_category {
        match self {
            Category::Eyes => ffi::PXB_CATEGORY_EYES,
            Category::Heads => ffi::PXB_CATEGORY_HEADS,
            Category::Body => ffi::PXB_CATEGORY_BODY,
            Category::Top => ffi::PXB_CATEGORY_TOP,
        }
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One part index per category: what an ID names.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Combo {
    pub eyes: u32,
    pub heads: u32,
    pub body: u32,
    pub top: u32,
}

impl Combo {
    /// The part index of `category`.
    pub fn part(&self, category: Category) -> u32 {
        match category {
            Category::Eyes => self.eyes,
            Category::Heads => self.heads,
            Category::Body => self.body,
            Category::Top => self.top,
        }
    }
}

// ---------------------------------------------------------------------------
// Contexts
// ---------------------------------------------------------------------------

/// A sprite pack plus its catalog (`pxb_ctx`), immutable once made.
///
/// Share one context between threads with `&Context` or `Arc<Context>`: it is
/// [`Send`] and [`Sync`].
pub struct Context {
    raw: NonNull<ffi::pxb_ctx>,
}

// SAFETY: pixabots.h documents a context as immutable once created, so any
// number of threads may call into one context at once, and nothing in it is
// tied to the creating thread (the per-thread state, pxb_last_error, lives in
// the library's thread-locals, not in the context). The one call that must not
// race, pxb_ctx_free, runs only in Drop, which takes the context by value or
// `&mut`: the borrow checker rules out any call in flight at that moment.
unsafe impl Send for Context {}
// SAFETY: see above; every method takes `&self` and only reads the context.
unsafe impl Sync for Context {}

impl Drop for Context {
    fn drop(&mut self) {
        // SAFETY: the pointer came from pxb_ctx_new*; it is freed exactly once,
        // and borrowed strings (part_name) cannot outlive `self`.
        unsafe { ffi::pxb_ctx_free(self.raw.as_ptr()) }
    }
}

impl fmt::Debug for Context {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Context").field("parts", &Category::ALL.map(|c| self.part_count(c))).finish()
    }
}

/// The path as a C string; a NUL byte is an invalid argument.
fn c_path(path: &Path) -> Result<CString, Error> {
    let invalid = || Error::new(Status::InvalidArgument, format!("path {:?} contains a NUL byte", path));
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        CString::new(path.as_os_str().as_bytes()).map_err(|_| invalid())
    }
    #[cfg(not(unix))]
    {
        let text = path.to_str().ok_or_else(|| {
            Error::new(Status::InvalidArgument, format!("path {:?} is not valid Unicode", path))
        })?;
        CString::new(text).map_err(|_| invalid())
    }
}

impl Context {
    fn made_by(make: impl FnOnce(*mut *mut ffi::pxb_ctx) -> ffi::pxb_status) -> Result<Context, Error> {
        let mut out: *mut ffi::pxb_ctx = ptr::null_mut();
        check(make(&mut out))?;
        NonNull::new(out)
            .map(|raw| Context { raw })
            .ok_or_else(|| Error::new(Status::Internal, "the library returned no context"))
    }

    /// A context drawing with the art embedded in the library.
    pub fn new() -> Result<Context, Error> {
        // SAFETY: `out` is a valid place for the new context.
        Context::made_by(|out| unsafe { ffi::pxb_ctx_new(out) })
    }

    /// A context drawing with the sprite pack in `dir` (`{category}/{name}.png`,
    /// optional `manifest.json`; see docs/packs.md).
    pub fn from_directory<P: AsRef<Path>>(dir: P) -> Result<Context, Error> {
        let dir = c_path(dir.as_ref())?;
        // SAFETY: `dir` is a NUL-terminated string alive for the call.
        Context::made_by(|out| unsafe { ffi::pxb_ctx_new_from_dir(dir.as_ptr(), out) })
    }

    /// A context drawing with a pack given as files in memory, each named by
    /// its path inside the pack (`"manifest.json"`, `"eyes/visor.png"`). The
    /// bytes are copied; the slices may be dropped afterwards.
    pub fn from_files<P: AsRef<str>, D: AsRef<[u8]>>(files: &[(P, D)]) -> Result<Context, Error> {
        let names = files
            .iter()
            .map(|(path, _)| {
                let path = path.as_ref();
                CString::new(path).map_err(|_| {
                    Error::new(
                        Status::InvalidArgument,
                        format!("pack file name {:?} contains a NUL byte", path),
                    )
                })
            })
            .collect::<Result<Vec<CString>, Error>>()?;
        let raw: Vec<ffi::pxb_pack_file> = files
            .iter()
            .zip(&names)
            .map(|((_, data), name)| {
                let data = data.as_ref();
                ffi::pxb_pack_file { path: name.as_ptr(), data: data.as_ptr(), size: data.len() }
            })
            .collect();
        // SAFETY: `raw` holds `raw.len()` entries whose names and bytes outlive the call.
        Context::made_by(|out| unsafe { ffi::pxb_ctx_new_from_memory(raw.as_ptr(), raw.len(), out) })
    }

    /// The raw context, for calls this wrapper does not cover. It stays owned
    /// by `self`: do not free it.
    pub fn as_ptr(&self) -> *const ffi::pxb_ctx {
        self.raw.as_ptr()
    }

    fn ctx(&self) -> *const ffi::pxb_ctx {
        self.raw.as_ptr()
    }

    /// Runs an ID-to-ID call and returns the ID it wrote.
    fn id_call(&self, call: impl FnOnce(*mut c_char) -> ffi::pxb_status) -> Result<String, Error> {
        let mut out: [c_char; ffi::PXB_ID_BUFFER_SIZE] = [0; ffi::PXB_ID_BUFFER_SIZE];
        check(call(out.as_mut_ptr()))?;
        Ok(id_from(&out))
    }

    // ---- IDs ----

    /// Whether `id` names a combination in this context's catalog.
    pub fn is_valid(&self, id: &str) -> bool {
        self.check_id(id).is_ok()
    }

    /// `Ok` for a valid ID, else [`Status::InvalidId`] with the reason (wrong
    /// length, bad character, index out of range for a named category).
    pub fn check_id(&self, id: &str) -> Result<(), Error> {
        let id = c_id(id)?;
        // SAFETY: valid context and NUL-terminated ID.
        check(unsafe { ffi::pxb_check_id(self.ctx(), id.as_ptr()) })
    }

    /// The part indexes an ID names.
    pub fn decode(&self, id: &str) -> Result<Combo, Error> {
        let id = c_id(id)?;
        let mut combo = ffi::pxb_combo::default();
        // SAFETY: valid context, ID and output.
        check(unsafe { ffi::pxb_decode_id(self.ctx(), id.as_ptr(), &mut combo) })?;
        let [eyes, heads, body, top] = combo.part.map(|p| p.max(0) as u32);
        Ok(Combo { eyes, heads, body, top })
    }

    /// The ID of a combination; [`Status::InvalidId`] when a part is out of range.
    pub fn encode(&self, combo: &Combo) -> Result<String, Error> {
        let mut part = [0i32; 4];
        for (slot, category) in part.iter_mut().zip(Category::ALL) {
            let value = combo.part(category);
            // Indexes past i32::MAX cannot reach the library; any catalog
            // refuses them, so say it in the library's words.
            *slot = i32::try_from(value).map_err(|_| {
                Error::new(Status::InvalidId, format!("{} index {} is out of range", category, value))
            })?;
        }
        let raw = ffi::pxb_combo { part };
        // SAFETY: valid context, combo and 5-byte output.
        self.id_call(|out| unsafe { ffi::pxb_encode_id(self.ctx(), &raw, out) })
    }

    /// The service's seededId: the same text always gives the same ID.
    /// The text may hold NUL characters.
    pub fn seeded_id(&self, text: &str) -> Result<String, Error> {
        // SAFETY: `text` is readable for its length (no NUL terminator needed).
        self.id_call(|out| unsafe { ffi::pxb_seeded_id(self.ctx(), text.as_ptr().cast(), text.len(), out) })
    }

    /// A uniformly random ID (a per-thread generator seeded by the OS).
    pub fn random_id(&self) -> Result<String, Error> {
        // SAFETY: valid context and 5-byte output.
        self.id_call(|out| unsafe { ffi::pxb_random_id(self.ctx(), out) })
    }

    // ---- Browse order ----

    /// Combinations in the catalog (10,752 for the service's).
    pub fn combo_count(&self) -> u32 {
        let mut count = 0u32;
        // SAFETY: valid context and output; this cannot fail for a live context.
        let status = unsafe { ffi::pxb_combo_count(self.ctx(), &mut count) };
        debug_assert_eq!(status, ffi::PXB_OK);
        count
    }

    /// The position of `id` in browse order, 0..combo_count().
    pub fn combo_index(&self, id: &str) -> Result<u32, Error> {
        let id = c_id(id)?;
        let mut index = 0u32;
        // SAFETY: valid context, ID and output.
        check(unsafe { ffi::pxb_combo_index(self.ctx(), id.as_ptr(), &mut index) })?;
        Ok(index)
    }

    /// The ID at `index` in browse order; [`Status::InvalidId`] past the end.
    pub fn id_at(&self, index: u32) -> Result<String, Error> {
        // SAFETY: valid context and 5-byte output.
        self.id_call(|out| unsafe { ffi::pxb_id_at(self.ctx(), index, out) })
    }

    /// The next ID in browse order, wrapping around after the last.
    pub fn next_id(&self, id: &str) -> Result<String, Error> {
        let id = c_id(id)?;
        // SAFETY: valid context, ID and 5-byte output.
        self.id_call(|out| unsafe { ffi::pxb_next_id(self.ctx(), id.as_ptr(), out) })
    }

    /// The previous ID in browse order, wrapping around before the first.
    pub fn previous_id(&self, id: &str) -> Result<String, Error> {
        let id = c_id(id)?;
        // SAFETY: valid context, ID and 5-byte output.
        self.id_call(|out| unsafe { ffi::pxb_previous_id(self.ctx(), id.as_ptr(), out) })
    }

    // ---- Parts ----

    /// How many parts `category` has.
    pub fn part_count(&self, category: Category) -> u32 {
        let mut count = 0i32;
        // SAFETY: valid context, known category, valid output: cannot fail.
        let status = unsafe { ffi::pxb_part_count(self.ctx(), category.code(), &mut count) };
        debug_assert_eq!(status, ffi::PXB_OK);
        count.max(0) as u32
    }

    /// The name of part `part` of `category` ("glasses", "blob", ...), borrowed
    /// from the context. [`Status::InvalidOption`] when `part` is out of range.
    pub fn part_name(&self, category: Category, part: u32) -> Result<&str, Error> {
        let part = i32::try_from(part).map_err(|_| {
            Error::new(Status::InvalidOption, format!("part {} is out of range for {}", part, category))
        })?;
        let mut name: *const c_char = ptr::null();
        // SAFETY: valid context and output; the library checks `part`.
        check(unsafe { ffi::pxb_part_name(self.ctx(), category.code(), part, &mut name) })?;
        if name.is_null() {
            return Err(Error::new(Status::Internal, "the library returned no part name"));
        }
        // SAFETY: owned by the context, valid until pxb_ctx_free, i.e. for as
        // long as `&self` is borrowed.
        let name = unsafe { CStr::from_ptr(name) };
        name.to_str()
            .map_err(|_| Error::new(Status::InvalidPack, format!("part name {:?} is not valid UTF-8", name)))
    }

    /// Ticks the animation of `id` encodes: 16, or 8 when no part animates.
    pub fn tick_count(&self, id: &str) -> Result<u32, Error> {
        let id = c_id(id)?;
        let mut ticks = 0i32;
        // SAFETY: valid context, ID and output.
        check(unsafe { ffi::pxb_tick_count(self.ctx(), id.as_ptr(), &mut ticks) })?;
        Ok(ticks.max(0) as u32)
    }

    /// Milliseconds of one whole loop of `id` at `speed`:
    /// `tick_count(id) * tick_duration_ms(speed)`.
    pub fn loop_duration_ms(&self, id: &str, speed: f64) -> Result<u32, Error> {
        let id = c_id(id)?;
        let mut ms = 0i32;
        // SAFETY: valid context, ID and output.
        check(unsafe { ffi::pxb_loop_duration_ms(self.ctx(), id.as_ptr(), speed, &mut ms) })?;
        Ok(ms.max(0) as u32)
    }

    /// The catalog as JSON text: `{"name", "categories": {"eyes": [{"index",
    /// "digit", "name", "frames", "kind"}, ...], ...}, "combinations"}`.
    pub fn catalog_json(&self) -> Result<String, Error> {
        let mut out: *mut u8 = ptr::null_mut();
        let mut size = 0usize;
        // SAFETY: valid context and outputs.
        let status = unsafe { ffi::pxb_catalog_json(self.ctx(), &mut out, &mut size) };
        let buffer = LibraryBuffer(out); // freed on every path
        check(status)?;
        String::from_utf8(buffer.to_vec(size))
            .map_err(|_| Error::new(Status::Internal, "the catalog JSON is not valid UTF-8"))
    }

    // ---- Rendering ----

    /// Renders `id` as `options.format` into a new buffer.
    pub fn render(&self, id: &str, options: &Options) -> Result<Vec<u8>, Error> {
        let id = c_id(id)?;
        let options = options.to_raw()?;
        let mut out: *mut u8 = ptr::null_mut();
        let mut size = 0usize;
        // SAFETY: valid context, ID, options (strings alive in `options`) and outputs.
        let status = unsafe { ffi::pxb_render(self.ctx(), id.as_ptr(), &options.raw, &mut out, &mut size) };
        let buffer = LibraryBuffer(out); // freed on every path
        check(status)?;
        Ok(buffer.to_vec(size))
    }

    /// Renders into `buffer` and returns the bytes written. When it is too
    /// small: [`Status::BufferTooSmall`] with [`Error::required_size`] set.
    /// [`Format::Rgba`] renders straight into `buffer`, allocating nothing.
    pub fn render_into(&self, id: &str, options: &Options, buffer: &mut [u8]) -> Result<usize, Error> {
        let id = c_id(id)?;
        let options = options.to_raw()?;
        let mut written = 0usize;
        // SAFETY: `buffer` is writable for its length; the rest as in render.
        let status = unsafe {
            ffi::pxb_render_into(
                self.ctx(),
                id.as_ptr(),
                &options.raw,
                buffer.as_mut_ptr(),
                buffer.len(),
                &mut written,
            )
        };
        if status == ffi::PXB_ERR_BUFFER_TOO_SMALL {
            let mut error = Error::last(status);
            error.required_size = Some(written);
            return Err(error);
        }
        check(status)?;
        Ok(written)
    }

    /// The bytes [`render_into`](Context::render_into) needs for `id` and
    /// `options`. Free for [`Format::Rgba`]; other formats are rendered to
    /// measure them.
    pub fn required_size(&self, id: &str, options: &Options) -> Result<usize, Error> {
        let id = c_id(id)?;
        let options = options.to_raw()?;
        let mut needed = 0usize;
        // SAFETY: a NULL buffer of capacity 0 is the documented size query.
        let status = unsafe {
            ffi::pxb_render_into(self.ctx(), id.as_ptr(), &options.raw, ptr::null_mut(), 0, &mut needed)
        };
        if status == ffi::PXB_ERR_BUFFER_TOO_SMALL || status == ffi::PXB_OK {
            Ok(needed)
        } else {
            Err(Error::last(status))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn category_names_match_the_library() {
        for category in Category::ALL {
            // SAFETY: static storage for a known category.
            let name = unsafe { static_str(ffi::pxb_category_name(category.code())) };
            assert_eq!(name, Some(category.name()));
        }
        // SAFETY: any value is accepted.
        assert!(unsafe { ffi::pxb_category_name(4) }.is_null());
    }

    #[test]
    fn status_codes_round_trip() {
        assert_eq!(Status::from_code(0), None);
        for code in 1..=11 {
            assert_eq!(Status::from_code(code).unwrap().code(), code);
        }
        assert_eq!(Status::from_code(11), Some(Status::Unknown(11)));
        assert_eq!(Status::InvalidId.description(), "invalid pixabot ID");
    }
}
