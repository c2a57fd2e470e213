package pixabots_test

import (
	"bytes"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	pixabots "github.com/pixabots/pixabots/bindings/go"
)

// dataDir is tests/data: PIXABOTS_TEST_DATA under ctest, else found from here.
func dataDir() string {
	if dir := os.Getenv("PIXABOTS_TEST_DATA"); dir != "" {
		return dir
	}
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "tests", "data")
}

func conformanceDir() string {
	return filepath.Join(dataDir(), "conformance")
}

func newContext(t testing.TB) *pixabots.Context {
	t.Helper()
	ctx, err := pixabots.NewContext()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ctx.Close() })
	return ctx
}

func options(format pixabots.Format, size int) pixabots.Options {
	o := pixabots.DefaultOptions()
	o.Format = format
	o.Size = size
	return o
}

func render(t testing.TB, ctx *pixabots.Context, id string, o pixabots.Options) []byte {
	t.Helper()
	out, err := ctx.Render(id, o)
	if err != nil {
		t.Fatalf("Render(%q, %+v): %v", id, o, err)
	}
	return out
}

// decodePNG decodes with Go's own image/png, independent of the library, to
// 8-bit RGBA, not premultiplied (what FormatRGBA gives).
func decodePNG(t testing.TB, data []byte) (width, height int, pixels []byte) {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("image/png: %v", err)
	}
	b := img.Bounds()
	pixels = make([]byte, 0, b.Dx()*b.Dy()*4)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			c := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
			pixels = append(pixels, c.R, c.G, c.B, c.A)
		}
	}
	return b.Dx(), b.Dy(), pixels
}
