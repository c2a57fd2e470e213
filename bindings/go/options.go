package pixabots

/*
#include <stdlib.h>
#include <pixabots/pixabots.h>
*/
import "C"

import (
	"fmt"
	"math"
	"unsafe"
)

// Format is what Render produces: a pxb_format.
type Format int32

// The formats. PNG, SVG and RGBA are still images (or one tick, see
// Options.Tick); GIF, WebP, APNG and the sheet are the animation.
const (
	FormatPNG          Format = C.PXB_FORMAT_PNG
	FormatGIF          Format = C.PXB_FORMAT_GIF  // animated, looping
	FormatWebP         Format = C.PXB_FORMAT_WEBP // animated lossless WebP, alpha kept
	FormatAPNG         Format = C.PXB_FORMAT_APNG // animated PNG
	FormatSVG          Format = C.PXB_FORMAT_SVG
	FormatRGBA         Format = C.PXB_FORMAT_RGBA // raw 8-bit RGBA, rows Size*4 bytes, not premultiplied
	FormatMetadataJSON Format = C.PXB_FORMAT_METADATA_JSON
	FormatFramesJSON   Format = C.PXB_FORMAT_FRAMES_JSON
	FormatSheetPNG     Format = C.PXB_FORMAT_SHEET_PNG  // every animation frame in one PNG
	FormatSheetJSON    Format = C.PXB_FORMAT_SHEET_JSON // the sheet's frame data
)

// Options.Tick values besides a tick 0..TickCount-1.
const (
	TickStill = C.PXB_TICK_STILL // the still image (frame 0 of every part)
	TickAll   = C.PXB_TICK_ALL   // PNG and RGBA: every tick stacked vertically
)

// Options mirrors pxb_options. Start from DefaultOptions: the zero Options is
// not the defaults (Saturate 0 is grey, Tick 0 is the first tick, Size 0 is
// refused). An empty Bg, Origin or SheetImage means the library's default.
type Options struct {
	Size         int     // output width and height, 32..1920
	Hue          float64 // degrees, any finite number
	Saturate     float64 // chroma multiplier 0..4
	Bg           string  // "#rrggbb" to flatten onto; "" = transparent
	Speed        float64 // animation speed 0.25..4
	Format       Format
	Tick         int    // PNG and RGBA: TickStill, a tick, or TickAll
	CompactSVG   bool   // merge same-colour runs (same picture, fewer bytes)
	SheetColumns int    // sheets: 0 = one row, 1..16 = a grid that many frames wide
	MergeRepeats bool   // sheets: merge identical consecutive ticks
	Origin       string // JSON URLs; "" = "https://pixabots.com"
	SheetImage   string // sheet JSON's meta.image; "" = "sheet.png"
}

// libraryDefaults is pxb_options as pxb_options_init_size fills it for this
// package's layout (struct_size included), read once: every call starts from
// a copy, so the library, not this package, decides the defaults.
var libraryDefaults, libraryDefaultsErr = initOptions()

func initOptions() (C.pxb_options, error) {
	var o C.pxb_options
	err := call(func() C.pxb_status { return C.pxb_options_init_size(&o, C.sizeof_pxb_options) })
	return o, err
}

// DefaultOptions returns the library's defaults: size 128, hue 0, saturate 1,
// transparent, speed 1, PNG, the still image.
func DefaultOptions() Options {
	o := libraryDefaults
	return Options{
		Size:         int(o.size),
		Hue:          float64(o.hue),
		Saturate:     float64(o.saturate),
		Bg:           goStringOrEmpty(o.bg),
		Speed:        float64(o.speed),
		Format:       Format(o.format),
		Tick:         int(o.tick),
		CompactSVG:   o.compact_svg != 0,
		SheetColumns: int(o.sheet_columns),
		MergeRepeats: o.merge_repeats != 0,
		Origin:       goStringOrEmpty(o.origin),
		SheetImage:   goStringOrEmpty(o.sheet_image),
	}
}

// toC is o as a pxb_options; its strings are in C memory, released with
// freeOptions (nothing to release after an error). Integers that do not fit
// the C fields are refused here rather than wrapped around.
func (o *Options) toC() (C.pxb_options, error) {
	c := libraryDefaults
	if libraryDefaultsErr != nil {
		return c, libraryDefaultsErr
	}
	var err error
	if c.size, err = cInt32("size", o.Size); err != nil {
		return c, err
	}
	if c.tick, err = cInt32("tick", o.Tick); err != nil {
		return c, err
	}
	if c.sheet_columns, err = cInt32("sheet_columns", o.SheetColumns); err != nil {
		return c, err
	}
	c.hue = C.double(o.Hue)
	c.saturate = C.double(o.Saturate)
	c.speed = C.double(o.Speed)
	c.format = C.int32_t(o.Format)
	c.compact_svg = cBool(o.CompactSVG)
	c.merge_repeats = cBool(o.MergeRepeats)
	if c.bg, err = cOptionalString("bg", o.Bg); err != nil {
		return c, err
	}
	if c.origin, err = cOptionalString("origin", o.Origin); err != nil {
		C.free(unsafe.Pointer(c.bg))
		return c, err
	}
	if c.sheet_image, err = cOptionalString("sheet_image", o.SheetImage); err != nil {
		C.free(unsafe.Pointer(c.bg))
		C.free(unsafe.Pointer(c.origin))
		return c, err
	}
	return c, nil
}

func cInt32(name string, value int) (C.int32_t, error) {
	if value < math.MinInt32 || value > math.MaxInt32 {
		return 0, &Error{Status: ErrInvalidOption, Message: fmt.Sprintf("%s %d does not fit in 32 bits", name, value)}
	}
	return C.int32_t(value), nil
}

// cOptionalString is NULL (the library's default) for "".
func cOptionalString(name, value string) (*C.char, error) {
	if value == "" {
		return nil, nil
	}
	return cString(value, name, ErrInvalidOption)
}

// freeOptions releases the strings toC copied.
func freeOptions(c *C.pxb_options) {
	C.free(unsafe.Pointer(c.bg))
	C.free(unsafe.Pointer(c.origin))
	C.free(unsafe.Pointer(c.sheet_image))
}

func cBool(b bool) C.int32_t {
	if b {
		return 1
	}
	return 0
}

func goStringOrEmpty(s *C.char) string {
	if s == nil {
		return ""
	}
	return C.GoString(s)
}
