package pixabots_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	pixabots "github.com/pixabots/pixabots/bindings/go"
)

func TestSeededIDsMatchTheJavaScriptCore(t *testing.T) {
	ctx := newContext(t)
	var cases struct{ Seeded map[string]string }
	readJSON(t, filepath.Join(conformanceDir(), "cases.json"), &cases)
	if len(cases.Seeded) != 8 {
		t.Fatalf("%d seeded cases, want 8", len(cases.Seeded))
	}
	cases.Seeded["alice"] = "3409"
	cases.Seeded[""] = "5006"
	for text, want := range cases.Seeded {
		if got, err := ctx.SeededID(text); got != want || err != nil {
			t.Errorf("SeededID(%q) = %q, %v; want %q", text, got, err, want)
		}
	}
	// All of the text is hashed, NUL bytes included.
	withNUL, _ := ctx.SeededID("a\x00b")
	if a, _ := ctx.SeededID("a"); withNUL == a {
		t.Error(`"a\x00b" hashed as "a"`)
	}
}

func TestIDsAndTheCatalog(t *testing.T) {
	ctx := newContext(t)
	combo, err := ctx.Decode("2156")
	if want := (pixabots.Combo{Eyes: 2, Heads: 1, Body: 5, Top: 6}); combo != want || err != nil {
		t.Errorf("Decode(2156) = %+v, %v", combo, err)
	}
	if id, err := ctx.Encode(combo); id != "2156" || err != nil {
		t.Errorf("Encode(%+v) = %q, %v", combo, id, err)
	}
	for i := 0; i < 20; i++ {
		id, err := ctx.RandomID()
		if _, decodeErr := ctx.Decode(id); err != nil || decodeErr != nil {
			t.Fatalf("RandomID() = %q, %v: %v", id, err, decodeErr)
		}
	}

	var catalog struct {
		Combinations int
		Categories   map[string][]struct{ Name string }
	}
	data, err := ctx.CatalogJSON()
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &catalog); err != nil || catalog.Combinations != 10752 {
		t.Fatalf("catalog: %d combinations, %v", catalog.Combinations, err)
	}
	for category, want := range map[pixabots.Category]int{pixabots.Eyes: 16, pixabots.Heads: 8, pixabots.Body: 7, pixabots.Top: 12} {
		count, err := ctx.PartCount(category)
		parts := catalog.Categories[category.String()]
		if count != want || err != nil || len(parts) != want {
			t.Errorf("%s: %d parts (%v), catalog %d, want %d", category, count, err, len(parts), want)
			continue
		}
		for part := 0; part < count; part++ {
			if name, err := ctx.PartName(category, part); name != parts[part].Name || err != nil {
				t.Errorf("PartName(%s, %d) = %q, %v; catalog says %q", category, part, name, err, parts[part].Name)
			}
		}
	}
	if name, _ := ctx.PartName(pixabots.Eyes, 2); name != "glasses" {
		t.Errorf("eyes part 2 is %q", name)
	}
}

func TestTiming(t *testing.T) {
	for speed, want := range map[float64]int{1: 72, 0.25: 288, 0.5: 144, 2: 36, 3: 24, 4: 20} {
		if ms, err := pixabots.TickDurationMs(speed); ms != want || err != nil {
			t.Errorf("TickDurationMs(%v) = %d, %v; want %d", speed, ms, err, want)
		}
	}
	ctx := newContext(t)
	// A loop is 16 ticks, or 8 when no part of the combo animates.
	for _, id := range []string{"2156", "0000"} {
		ticks, err := ctx.TickCount(id)
		if err != nil || (ticks != 8 && ticks != 16) || (id == "2156" && ticks != 16) {
			t.Fatalf("TickCount(%s) = %d, %v", id, ticks, err)
		}
		if ms, err := ctx.LoopDurationMs(id, 0.25); ms != ticks*288 || err != nil {
			t.Errorf("LoopDurationMs(%s, 0.25) = %d, %v; want %d", id, ms, err, ticks*288)
		}
	}
}

func readJSON(t *testing.T, path string, into any) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, into); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}
