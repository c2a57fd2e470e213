package pixabots

import (
	"testing"
	"unsafe"
)

// The layout gcc and clang give pxb_options on 64-bit Linux (the Rust
// binding pins the same numbers), as cgo read it from the header.
func TestOptionsLayout(t *testing.T) {
	if unsafe.Sizeof(uintptr(0)) != 8 {
		t.Skip("the offsets below are those of 64-bit targets")
	}
	o := libraryDefaults
	if size := unsafe.Sizeof(o); size != 80 || o.struct_size != 80 {
		t.Fatalf("sizeof %d, struct_size %d: want 80", size, o.struct_size)
	}
	offsets := []struct {
		field          string
		actual, wanted uintptr
	}{
		{"struct_size", unsafe.Offsetof(o.struct_size), 0},
		{"size", unsafe.Offsetof(o.size), 4},
		{"hue", unsafe.Offsetof(o.hue), 8},
		{"saturate", unsafe.Offsetof(o.saturate), 16},
		{"bg", unsafe.Offsetof(o.bg), 24},
		{"speed", unsafe.Offsetof(o.speed), 32},
		{"format", unsafe.Offsetof(o.format), 40},
		{"tick", unsafe.Offsetof(o.tick), 44},
		{"compact_svg", unsafe.Offsetof(o.compact_svg), 48},
		{"sheet_columns", unsafe.Offsetof(o.sheet_columns), 52},
		{"merge_repeats", unsafe.Offsetof(o.merge_repeats), 56},
		{"origin", unsafe.Offsetof(o.origin), 64},
		{"sheet_image", unsafe.Offsetof(o.sheet_image), 72},
	}
	for _, f := range offsets {
		if f.actual != f.wanted {
			t.Errorf("pxb_options.%s at offset %d, want %d", f.field, f.actual, f.wanted)
		}
	}
}

// The library's defaults land where Options reads them, and Options maps
// every field back to the same place: a swapped field would show here.
func TestOptionsMirrorTheLibraryDefaults(t *testing.T) {
	want := Options{Size: 128, Saturate: 1, Speed: 1, Format: FormatPNG, Tick: TickStill}
	if got := DefaultOptions(); got != want {
		t.Fatalf("DefaultOptions() = %+v, want %+v", got, want)
	}
	c, err := want.toC()
	if err != nil {
		t.Fatal(err)
	}
	defer freeOptions(&c)
	if c != libraryDefaults {
		t.Errorf("DefaultOptions() as pxb_options = %+v, pxb_options_init_size gave %+v", c, libraryDefaults)
	}
}

func TestOptionsSurviveTheTripToC(t *testing.T) {
	o := Options{Size: 300, Hue: 200, Saturate: 1.5, Bg: "#fde68a", Speed: 2, Format: FormatSheetJSON, Tick: 7,
		CompactSVG: true, SheetColumns: 4, MergeRepeats: true, Origin: "https://example.org", SheetImage: "bot.png"}
	c, err := o.toC()
	if err != nil {
		t.Fatal(err)
	}
	defer freeOptions(&c)
	back := Options{Size: int(c.size), Hue: float64(c.hue), Saturate: float64(c.saturate), Bg: goStringOrEmpty(c.bg),
		Speed: float64(c.speed), Format: Format(c.format), Tick: int(c.tick), CompactSVG: c.compact_svg == 1,
		SheetColumns: int(c.sheet_columns), MergeRepeats: c.merge_repeats == 1, Origin: goStringOrEmpty(c.origin),
		SheetImage: goStringOrEmpty(c.sheet_image)}
	if back != o || c.struct_size != libraryDefaults.struct_size {
		t.Errorf("%+v came back as %+v (struct_size %d)", o, back, c.struct_size)
	}
}
