package pixabots_test

import (
	"testing"

	pixabots "github.com/pixabots/pixabots/bindings/go"
)

// The C figure to compare with is bench/'s PNG@128 (docs/performance.md).
func BenchmarkPNG128(b *testing.B) {
	ctx := newContext(b)
	o := pixabots.DefaultOptions()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := ctx.Render("2156", o); err != nil {
			b.Fatal(err)
		}
	}
}

// One tick of per-frame playback into a reused buffer.
func BenchmarkRGBA128TickInto(b *testing.B) {
	ctx := newContext(b)
	o := options(pixabots.FormatRGBA, 128)
	o.Tick = 5
	frame := make([]byte, 128*128*4)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := ctx.RenderInto("2156", o, frame); err != nil {
			b.Fatal(err)
		}
	}
}
