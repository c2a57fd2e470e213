package pixabots_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"

	pixabots "github.com/pixabots/pixabots/bindings/go"
)

func TestRendersAPNGThatDecodesToTheRGBARender(t *testing.T) {
	ctx := newContext(t)
	png := render(t, ctx, "2156", pixabots.DefaultOptions())
	if !bytes.HasPrefix(png, []byte("\x89PNG\r\n\x1a\n")) {
		t.Fatalf("not a PNG: % x", png[:8])
	}
	width, height, pixels := decodePNG(t, png)
	if width != 128 || height != 128 {
		t.Fatalf("%dx%d, want 128x128", width, height)
	}
	rgba := render(t, ctx, "2156", options(pixabots.FormatRGBA, 128))
	if !bytes.Equal(pixels, rgba) {
		t.Fatal("image/png's decoding of the PNG differs from the RGBA render")
	}
	opaque, transparent := 0, 0
	for i := 3; i < len(rgba); i += 4 {
		if rgba[i] == 255 {
			opaque++
		} else if rgba[i] == 0 {
			transparent++
		}
	}
	if opaque == 0 || transparent == 0 {
		t.Fatalf("%d opaque and %d transparent pixels: want a robot on a transparent background", opaque, transparent)
	}
}

func TestEveryFormat(t *testing.T) {
	ctx := newContext(t)
	prefixes := map[pixabots.Format]string{
		pixabots.FormatGIF:  "GIF89a",
		pixabots.FormatWebP: "RIFF",
		pixabots.FormatAPNG: "\x89PNG",
		pixabots.FormatSVG:  "<svg",
	}
	for format, prefix := range prefixes {
		if out := render(t, ctx, "2156", options(format, 64)); !bytes.HasPrefix(out, []byte(prefix)) {
			t.Errorf("format %d starts %q, want %q", format, out[:8], prefix)
		}
	}
	if apng := render(t, ctx, "2156", options(pixabots.FormatAPNG, 64)); !bytes.Contains(apng, []byte("acTL")) {
		t.Error("the APNG has no acTL chunk")
	}

	svg := options(pixabots.FormatSVG, 128)
	full := render(t, ctx, "2156", svg)
	svg.CompactSVG = true
	if compact := render(t, ctx, "2156", svg); len(compact) >= len(full) {
		t.Errorf("compact SVG %d bytes, full %d", len(compact), len(full))
	}

	meta := options(pixabots.FormatMetadataJSON, 128)
	meta.Origin = "https://example.org"
	var doc struct{ ID, PNG string }
	if err := json.Unmarshal(render(t, ctx, "2156", meta), &doc); err != nil || doc.ID != "2156" ||
		!bytes.HasPrefix([]byte(doc.PNG), []byte("https://example.org/")) {
		t.Errorf("metadata %+v, %v", doc, err)
	}
	if !json.Valid(render(t, ctx, "2156", options(pixabots.FormatFramesJSON, 128))) {
		t.Error("frames JSON does not parse")
	}
	sheet := options(pixabots.FormatSheetJSON, 32)
	sheet.SheetImage = "bot.png"
	if out := render(t, ctx, "2156", sheet); !json.Valid(out) || !bytes.Contains(out, []byte(`"bot.png"`)) {
		t.Errorf("sheet JSON %s", out)
	}
	grid := options(pixabots.FormatSheetPNG, 32)
	grid.SheetColumns = 4
	if width, _, _ := decodePNG(t, render(t, ctx, "2156", grid)); width != 4*32 {
		t.Errorf("a 4-column sheet is %d px wide", width)
	}

	flat := pixabots.DefaultOptions()
	flat.Bg = "#fde68a"
	_, _, pixels := decodePNG(t, render(t, ctx, "2156", flat))
	for i := 3; i < len(pixels); i += 4 {
		if pixels[i] != 255 {
			t.Fatalf("pixel %d has alpha %d on a background", i/4, pixels[i])
		}
	}
}

func TestTicksStackAndMatchTheirPNG(t *testing.T) {
	ctx := newContext(t)
	ticks, err := ctx.TickCount("2156")
	if err != nil || ticks != 16 {
		t.Fatalf("TickCount = %d, %v", ticks, err)
	}
	all := options(pixabots.FormatRGBA, 32)
	all.Tick = pixabots.TickAll
	stacked := render(t, ctx, "2156", all)
	if len(stacked) != 32*32*4*ticks {
		t.Fatalf("%d bytes for %d stacked ticks", len(stacked), ticks)
	}
	one := options(pixabots.FormatRGBA, 32)
	one.Tick = 3
	if !bytes.Equal(stacked[3*4096:4*4096], render(t, ctx, "2156", one)) {
		t.Error("tick 3 alone differs from tick 3 of the stack")
	}
	one.Format = pixabots.FormatPNG
	if _, _, pixels := decodePNG(t, render(t, ctx, "2156", one)); !bytes.Equal(pixels, stacked[3*4096:4*4096]) {
		t.Error("the PNG of tick 3 differs from its RGBA")
	}
}

// Per-tick playback: one buffer reused for every tick, no allocation per frame.
func TestRenderIntoReusesOneBuffer(t *testing.T) {
	ctx := newContext(t)
	const size = 64
	o := options(pixabots.FormatRGBA, size)
	frame := make([]byte, size*size*4+10)
	for tick := 0; tick < 16; tick++ {
		o.Tick = tick
		n, err := ctx.RenderInto("2156", o, frame)
		if err != nil || n != size*size*4 {
			t.Fatalf("tick %d: %d bytes, %v", tick, n, err)
		}
		if !bytes.Equal(frame[:n], render(t, ctx, "2156", o)) {
			t.Fatalf("tick %d differs from Render's", tick)
		}
		if !bytes.Equal(frame[n:], make([]byte, 10)) {
			t.Fatal("RenderInto wrote past the pixels")
		}
	}
	o.Tick = 5
	if allocs := testing.AllocsPerRun(20, func() { ctx.RenderInto("2156", o, frame) }); allocs != 0 {
		t.Errorf("RenderInto allocates %v times per frame", allocs)
	}
	// Encoded formats go into a caller's buffer too.
	png := render(t, ctx, "2156", pixabots.DefaultOptions())
	buffer := make([]byte, len(png))
	if n, err := ctx.RenderInto("2156", pixabots.DefaultOptions(), buffer); err != nil || !bytes.Equal(buffer[:n], png) {
		t.Errorf("PNG into a buffer: %d bytes, %v", n, err)
	}
}

func TestRenderIntoReportsTheSizeNeeded(t *testing.T) {
	ctx := newContext(t)
	o := options(pixabots.FormatRGBA, 64)
	for _, dst := range [][]byte{nil, make([]byte, 100)} {
		n, err := ctx.RenderInto("2156", o, dst)
		var e *pixabots.Error
		if n != 0 || !errors.As(err, &e) || !errors.Is(err, pixabots.ErrBufferTooSmall) || e.Needed != 64*64*4 {
			t.Errorf("%d-byte buffer: %d, %#v", len(dst), n, err)
		}
	}
	// Other errors come before any writing.
	untouched := make([]byte, 64*64*4)
	if _, err := ctx.RenderInto("zzzz", o, untouched); !errors.Is(err, pixabots.ErrInvalidID) {
		t.Errorf("zzzz: %v", err)
	}
	if !bytes.Equal(untouched, make([]byte, 64*64*4)) {
		t.Error("a failed render wrote into the buffer")
	}
}
