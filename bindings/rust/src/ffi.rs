//! The raw C ABI of `include/pixabots/pixabots.h`, declared by hand.
//!
//! Everything here mirrors the header exactly: field order and types of every
//! struct, values of every constant. The header's enums (`pxb_status`,
//! `pxb_format`, `pxb_category`) are plain C `int`s at the ABI, so they appear
//! as `i32` constants; `pxb_options.format` and the category arguments are
//! `int32_t` in the header itself. Layout is checked by the tests at the bottom
//! (sizes and offsets a C compiler reports for the header on LP64 targets) and
//! at run time by `pxb_options_init_size`: `pxb_options` is a growing struct
//! whose `struct_size` is `size_of::<pxb_options>()` of this mirror, so a newer
//! library gives the fields it has added since their defaults.
//!
//! Every function is `unsafe`: pointers must be valid for the documented
//! lengths and contexts must not be freed while a call uses them. The safe
//! wrapper in the crate root upholds this.

#![allow(non_camel_case_types)]

use std::os::raw::{c_char, c_void};

/// `pxb_status`: returned by every call that can fail.
pub type pxb_status = i32;
pub const PXB_OK: pxb_status = 0;
pub const PXB_ERR_INVALID_ID: pxb_status = 1;
pub const PXB_ERR_INVALID_OPTION: pxb_status = 2;
pub const PXB_ERR_INVALID_PACK: pxb_status = 3;
pub const PXB_ERR_IO: pxb_status = 4;
pub const PXB_ERR_CODEC: pxb_status = 5;
pub const PXB_ERR_INVALID_ARGUMENT: pxb_status = 6;
pub const PXB_ERR_BUFFER_TOO_SMALL: pxb_status = 7;
pub const PXB_ERR_OUT_OF_MEMORY: pxb_status = 8;
pub const PXB_ERR_VERSION_MISMATCH: pxb_status = 9;
pub const PXB_ERR_INTERNAL: pxb_status = 10;

/// `pxb_format`: what `pxb_render` produces.
pub type pxb_format = i32;
pub const PXB_FORMAT_PNG: pxb_format = 0;
pub const PXB_FORMAT_GIF: pxb_format = 1;
pub const PXB_FORMAT_WEBP: pxb_format = 2;
pub const PXB_FORMAT_APNG: pxb_format = 3;
pub const PXB_FORMAT_SVG: pxb_format = 4;
pub const PXB_FORMAT_RGBA: pxb_format = 5;
pub const PXB_FORMAT_METADATA_JSON: pxb_format = 6;
pub const PXB_FORMAT_FRAMES_JSON: pxb_format = 7;
pub const PXB_FORMAT_SHEET_PNG: pxb_format = 8;
pub const PXB_FORMAT_SHEET_JSON: pxb_format = 9;

/// `pxb_category`: the order of an ID's characters.
pub type pxb_category = i32;
pub const PXB_CATEGORY_EYES: pxb_category = 0;
pub const PXB_CATEGORY_HEADS: pxb_category = 1;
pub const PXB_CATEGORY_BODY: pxb_category = 2;
pub const PXB_CATEGORY_TOP: pxb_category = 3;

/// A 4-character ID plus its terminating NUL.
pub const PXB_ID_BUFFER_SIZE: usize = 5;
/// `pxb_options.tick`: the still image.
pub const PXB_TICK_STILL: i32 = -1;
/// `pxb_options.tick`, RGBA and PNG only: every tick stacked vertically.
pub const PXB_TICK_ALL: i32 = -2;

/// `pxb_combo`: one part index per category, indexed by `pxb_category`.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct pxb_combo {
    pub part: [i32; 4],
}

/// `pxb_options`. Fill it with `pxb_options_init_size` (with
/// `size_of::<pxb_options>()`) before changing fields.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct pxb_options {
    pub struct_size: u32,
    pub size: i32,
    pub hue: f64,
    pub saturate: f64,
    pub bg: *const c_char,
    pub speed: f64,
    pub format: i32,
    pub tick: i32,
    pub compact_svg: i32,
    pub sheet_columns: i32,
    pub merge_repeats: i32,
    pub origin: *const c_char,
    pub sheet_image: *const c_char,
}

/// `pxb_pack_file`: one file of a pack held in memory.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct pxb_pack_file {
    pub path: *const c_char,
    pub data: *const u8,
    pub size: usize,
}

/// `pxb_ctx`: opaque; only ever behind a pointer.
#[repr(C)]
pub struct pxb_ctx {
    _opaque: [u8; 0],
    // Not Send, not Sync, not Unpin: the wrapper decides what is shareable.
    _marker: std::marker::PhantomData<(*mut u8, std::marker::PhantomPinned)>,
}

extern "C" {
    pub fn pxb_options_init_size(options: *mut pxb_options, struct_size: usize) -> pxb_status;

    pub fn pxb_version() -> *const c_char;
    pub fn pxb_version_number() -> u32;

    pub fn pxb_strerror(status: i32) -> *const c_char;
    pub fn pxb_last_error() -> *const c_char;

    pub fn pxb_free(buffer: *mut c_void);

    pub fn pxb_ctx_new(out: *mut *mut pxb_ctx) -> pxb_status;
    pub fn pxb_ctx_new_from_dir(dir: *const c_char, out: *mut *mut pxb_ctx) -> pxb_status;
    pub fn pxb_ctx_new_from_memory(
        files: *const pxb_pack_file,
        count: usize,
        out: *mut *mut pxb_ctx,
    ) -> pxb_status;
    pub fn pxb_ctx_free(ctx: *mut pxb_ctx);

    pub fn pxb_check_id(ctx: *const pxb_ctx, id: *const c_char) -> pxb_status;
    pub fn pxb_decode_id(ctx: *const pxb_ctx, id: *const c_char, out: *mut pxb_combo) -> pxb_status;
    pub fn pxb_encode_id(ctx: *const pxb_ctx, combo: *const pxb_combo, out_id: *mut c_char) -> pxb_status;
    pub fn pxb_seeded_id(
        ctx: *const pxb_ctx,
        text: *const c_char,
        length: usize,
        out_id: *mut c_char,
    ) -> pxb_status;
    pub fn pxb_random_id(ctx: *const pxb_ctx, out_id: *mut c_char) -> pxb_status;
    pub fn pxb_combo_count(ctx: *const pxb_ctx, out: *mut u32) -> pxb_status;
    pub fn pxb_combo_index(ctx: *const pxb_ctx, id: *const c_char, out: *mut u32) -> pxb_status;
    pub fn pxb_id_at(ctx: *const pxb_ctx, index: u32, out_id: *mut c_char) -> pxb_status;
    pub fn pxb_next_id(ctx: *const pxb_ctx, id: *const c_char, out_id: *mut c_char) -> pxb_status;
    pub fn pxb_previous_id(ctx: *const pxb_ctx, id: *const c_char, out_id: *mut c_char) -> pxb_status;
    pub fn pxb_category_name(category: i32) -> *const c_char;
    pub fn pxb_part_count(ctx: *const pxb_ctx, category: i32, out: *mut i32) -> pxb_status;
    pub fn pxb_part_name(
        ctx: *const pxb_ctx,
        category: i32,
        part: i32,
        out: *mut *const c_char,
    ) -> pxb_status;
    pub fn pxb_tick_count(ctx: *const pxb_ctx, id: *const c_char, out: *mut i32) -> pxb_status;
    pub fn pxb_tick_duration_ms(speed: f64, out: *mut i32) -> pxb_status;
    pub fn pxb_loop_duration_ms(ctx: *const pxb_ctx, id: *const c_char, speed: f64, out: *mut i32) -> pxb_status;
    pub fn pxb_catalog_json(ctx: *const pxb_ctx, out: *mut *mut u8, out_size: *mut usize) -> pxb_status;

    pub fn pxb_render(
        ctx: *const pxb_ctx,
        id: *const c_char,
        options: *const pxb_options,
        out: *mut *mut u8,
        out_size: *mut usize,
    ) -> pxb_status;
    pub fn pxb_render_into(
        ctx: *const pxb_ctx,
        id: *const c_char,
        options: *const pxb_options,
        buffer: *mut u8,
        capacity: usize,
        out_size: *mut usize,
    ) -> pxb_status;

    pub fn pxb_decode_png(
        data: *const u8,
        size: usize,
        out_rgba: *mut *mut u8,
        out_width: *mut i32,
        out_height: *mut i32,
    ) -> pxb_status;
}

#[cfg(test)]
mod layout {
    use super::*;
    #[allow(unused_imports)]
    use std::mem::{align_of, size_of};

    // Offsets of a field without `offset_of!` (stable only since Rust 1.77).
    macro_rules! offset {
        ($ty:ty, $field:ident) => {{
            let value = std::mem::MaybeUninit::<$ty>::uninit();
            let base = value.as_ptr();
            // SAFETY: only the address of the field is taken, nothing is read.
            let field = unsafe { std::ptr::addr_of!((*base).$field) };
            field as usize - base as usize
        }};
    }

    // What gcc and clang report for pixabots.h on x86_64 and aarch64 Linux
    // (sizeof, _Alignof, offsetof), release 1.0's pxb_options.
    #[test]
    #[cfg(all(target_pointer_width = "64", not(windows)))]
    fn options_match_the_c_layout() {
        assert_eq!(size_of::<pxb_options>(), 80);
        assert_eq!(align_of::<pxb_options>(), 8);
        let offsets = [
            (offset!(pxb_options, struct_size), 0),
            (offset!(pxb_options, size), 4),
            (offset!(pxb_options, hue), 8),
            (offset!(pxb_options, saturate), 16),
            (offset!(pxb_options, bg), 24),
            (offset!(pxb_options, speed), 32),
            (offset!(pxb_options, format), 40),
            (offset!(pxb_options, tick), 44),
            (offset!(pxb_options, compact_svg), 48),
            (offset!(pxb_options, sheet_columns), 52),
            (offset!(pxb_options, merge_repeats), 56),
            (offset!(pxb_options, origin), 64),
            (offset!(pxb_options, sheet_image), 72),
        ];
        for (i, (actual, expected)) in offsets.iter().enumerate() {
            assert_eq!(actual, expected, "field {} of pxb_options", i);
        }
    }

    #[test]
    #[cfg(target_pointer_width = "64")]
    fn small_structs_match_the_c_layout() {
        assert_eq!(size_of::<pxb_combo>(), 16);
        assert_eq!(size_of::<pxb_pack_file>(), 24);
        assert_eq!(offset!(pxb_pack_file, data), 8);
        assert_eq!(offset!(pxb_pack_file, size), 16);
    }

    // The library fills the defaults: if the layout were off, they would land
    // in the wrong fields.
    #[test]
    fn the_library_fills_the_defaults_where_rust_reads_them() {
        let mut raw = std::mem::MaybeUninit::<pxb_options>::zeroed();
        let status = unsafe { pxb_options_init_size(raw.as_mut_ptr(), size_of::<pxb_options>()) };
        assert_eq!(status, PXB_OK);
        let o = unsafe { raw.assume_init() };
        assert_eq!(o.struct_size as usize, size_of::<pxb_options>());
        assert_eq!(o.size, 128);
        assert_eq!(o.hue, 0.0);
        assert_eq!(o.saturate, 1.0);
        assert!(o.bg.is_null());
        assert_eq!(o.speed, 1.0);
        assert_eq!(o.format, PXB_FORMAT_PNG);
        assert_eq!(o.tick, PXB_TICK_STILL);
        assert_eq!((o.compact_svg, o.sheet_columns, o.merge_repeats), (0, 0, 0));
        assert!(o.origin.is_null() && o.sheet_image.is_null());
    }
}
