package pixabots_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	pixabots "github.com/pixabots/pixabots/bindings/go"
)

// The service's renders of the synthetic pack in tests/data/conformance,
// compared as tests/unit/conformance_test.cpp does: decoded pixels (never
// file bytes), static renders exactly, palette-transformed ones (hue or
// saturate set) within 1 per channel; ticks exactly.

type conformanceCase struct {
	File, Kind, ID, Bg string
	Size, Channels     int
	Ticks              int
	Hue, Saturate      *float64
	PixelsSha256       string
}

func conformanceCases(t *testing.T, kind string) []conformanceCase {
	var all struct{ Cases []conformanceCase }
	readJSON(t, filepath.Join(conformanceDir(), "cases.json"), &all)
	var cases []conformanceCase
	for _, c := range all.Cases {
		if c.Kind == kind {
			cases = append(cases, c)
		}
	}
	return cases
}

func conformanceContext(t *testing.T) *pixabots.Context {
	ctx, err := pixabots.NewContextFromDir(filepath.Join(conformanceDir(), "pack"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ctx.Close() })
	return ctx
}

func (c conformanceCase) options(format pixabots.Format) pixabots.Options {
	o := options(format, c.Size)
	o.Bg = c.Bg
	if c.Hue != nil {
		o.Hue = *c.Hue
	}
	if c.Saturate != nil {
		o.Saturate = *c.Saturate
	}
	return o
}

// stored is RGBA as the reference stores it: RGB when the case has a background.
func stored(rgba []byte, channels int) []byte {
	if channels == 4 {
		return rgba
	}
	rgb := make([]byte, 0, len(rgba)/4*3)
	for i := 0; i < len(rgba); i += 4 {
		rgb = append(rgb, rgba[i:i+3]...)
	}
	return rgb
}

func sha(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

func TestEveryStaticReference(t *testing.T) {
	ctx := conformanceContext(t)
	cases := conformanceCases(t, "png")
	if len(cases) != 102 {
		t.Fatalf("%d png cases, want 102", len(cases))
	}
	for _, c := range cases {
		ours := render(t, ctx, c.ID, c.options(pixabots.FormatRGBA))
		reference, err := os.ReadFile(filepath.Join(conformanceDir(), c.File))
		if err != nil {
			t.Fatal(err)
		}
		width, height, theirs := decodePNG(t, reference)
		if width != c.Size || height != c.Size || len(ours) != len(theirs) {
			t.Fatalf("%s: reference %dx%d, %d bytes ours", c.File, width, height, len(ours))
		}
		if c.Channels == 3 {
			for i := 3; i < len(ours); i += 4 {
				if ours[i] != 255 {
					t.Fatalf("%s: pixel %d has alpha %d on a background", c.File, i/4, ours[i])
				}
			}
		}
		a, b := stored(ours, c.Channels), stored(theirs, c.Channels)
		if c.Hue != nil || c.Saturate != nil {
			worst := 0
			for i := range a {
				d := int(a[i]) - int(b[i])
				if d < 0 {
					d = -d
				}
				if d > worst {
					worst = d
				}
			}
			if worst > 1 {
				t.Errorf("%s: a channel differs by %d (at most 1 allowed)", c.File, worst)
			}
		} else if !bytes.Equal(a, b) || sha(a) != c.PixelsSha256 {
			t.Errorf("%s: pixels differ from the reference", c.File)
		}
	}
}

func TestEveryTickReference(t *testing.T) {
	ctx := conformanceContext(t)
	cases := conformanceCases(t, "ticks")
	if len(cases) == 0 {
		t.Fatal("no ticks cases")
	}
	for _, c := range cases {
		if ticks, err := ctx.TickCount(c.ID); ticks != c.Ticks || err != nil {
			t.Errorf("%s: TickCount = %d, %v; want %d", c.File, ticks, err, c.Ticks)
		}
		o := c.options(pixabots.FormatRGBA)
		o.Tick = pixabots.TickAll
		ours := render(t, ctx, c.ID, o)
		if sha(ours) != c.PixelsSha256 {
			t.Errorf("%s: stacked ticks differ from the reference", c.File)
		}
		o.Format = pixabots.FormatPNG
		if _, _, pixels := decodePNG(t, render(t, ctx, c.ID, o)); !bytes.Equal(pixels, ours) {
			t.Errorf("%s: the PNG of the stacked ticks differs from their RGBA", c.File)
		}
	}
}

func packFiles(t *testing.T) map[string][]byte {
	root := filepath.Join(conformanceDir(), "pack")
	files := map[string][]byte{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		rel, _ := filepath.Rel(root, path)
		files[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil || len(files) == 0 {
		t.Fatalf("reading the pack: %d files, %v", len(files), err)
	}
	return files
}

func TestAPackInMemoryDrawsLikeTheSamePackOnDisk(t *testing.T) {
	disk := conformanceContext(t)
	files := packFiles(t)
	memory, err := pixabots.NewContextFromFiles(files)
	if err != nil {
		t.Fatal(err)
	}
	defer memory.Close()
	for _, id := range []string{"2156", "0000", "6352"} {
		o := options(pixabots.FormatRGBA, 48)
		if !bytes.Equal(render(t, memory, id, o), render(t, disk, id, o)) {
			t.Errorf("%s differs between the pack in memory and on disk", id)
		}
	}

	files["eyes/visor.png"] = []byte("not a png")
	_, err = pixabots.NewContextFromFiles(files)
	var e *pixabots.Error
	if !errors.As(err, &e) || (e.Status != pixabots.ErrInvalidPack && e.Status != pixabots.ErrCodec) ||
		!strings.Contains(e.Message, "eyes/visor.png") {
		t.Errorf("a pack with a broken sheet: %#v", err)
	}
}
