package pixabots_test

import (
	"errors"
	"fmt"
	"sync"
	"testing"

	pixabots "github.com/pixabots/pixabots/bindings/go"
)

// expectError checks err is an *Error with status whose message is exactly
// the library's.
func expectError(t *testing.T, what string, err error, status pixabots.Status, message string) {
	t.Helper()
	var e *pixabots.Error
	if !errors.As(err, &e) {
		t.Errorf("%s: %#v is not a *pixabots.Error", what, err)
		return
	}
	if !errors.Is(err, status) || e.Status != status || e.Message != message || err.Error() != message {
		t.Errorf("%s: status %d %q, want %d %q", what, e.Status, e.Message, status, message)
	}
}

func TestErrorsCarryTheLibrarysStatusAndMessage(t *testing.T) {
	ctx := newContext(t)
	withOption := func(set func(*pixabots.Options)) error {
		o := pixabots.DefaultOptions()
		set(&o)
		_, err := ctx.Render("2156", o)
		return err
	}
	_, badID := ctx.Render("g000", pixabots.DefaultOptions())
	_, short := ctx.Decode("215")
	_, upper := ctx.TickCount("2A56")
	_, speed := pixabots.TickDurationMs(5)
	_, part := ctx.PartName(pixabots.Eyes, 16)
	_, category := ctx.PartCount(9)
	_, combo := ctx.Encode(pixabots.Combo{Eyes: 99})
	_, dir := pixabots.NewContextFromDir("/nonexistent/pack")
	cases := []struct {
		what    string
		err     error
		status  pixabots.Status
		message string
	}{
		{"size 20", withOption(func(o *pixabots.Options) { o.Size = 20 }), pixabots.ErrInvalidOption,
			"size 20 is out of range: must be an integer between 32 and 1920"},
		{"bg", withOption(func(o *pixabots.Options) { o.Bg = "yellow" }), pixabots.ErrInvalidOption,
			`colour "yellow" is not valid: expected #rrggbb (6 hex digits)`},
		{"tick", withOption(func(o *pixabots.Options) { o.Tick = 16 }), pixabots.ErrInvalidOption,
			"tick 16 is out of range: must be -1 (still), -2 (all) or 0..15"},
		{"format", withOption(func(o *pixabots.Options) { o.Format = 42 }), pixabots.ErrInvalidArgument,
			"format 42 is not a pxb_format (0..9)"},
		{"g000", badID, pixabots.ErrInvalidID, `invalid ID "g000": eyes index 16 is out of range 0..15 ('0'..'f')`},
		{"215", short, pixabots.ErrInvalidID, `invalid ID "215": must be exactly 4 characters of [0-9a-z], got 3`},
		{"2A56", upper, pixabots.ErrInvalidID,
			`invalid ID "2A56": character 2 is not in [0-9a-z] (upper case is not accepted)`},
		{"speed", speed, pixabots.ErrInvalidOption, "speed 5 is out of range: must be between 0.25 and 4"},
		{"part", part, pixabots.ErrInvalidOption, "part 16 is out of range for eyes: must be 0..15"},
		{"category", category, pixabots.ErrInvalidArgument, "category 9 is not one of 0..3 (eyes, heads, body, top)"},
		{"combo", combo, pixabots.ErrInvalidID, "eyes index 99 is out of range 0..15 ('0'..'f')"},
		{"dir", dir, pixabots.ErrIO, "pack directory /nonexistent/pack: does not exist"},
	}
	for _, c := range cases {
		expectError(t, c.what, c.err, c.status, c.message)
	}
	if errors.Is(badID, pixabots.ErrInvalidOption) {
		t.Error("an invalid ID also matches ErrInvalidOption")
	}
	if got := pixabots.ErrInvalidID.Error(); got != "invalid pixabot ID" {
		t.Errorf("ErrInvalidID.Error() = %q, pxb_strerror says \"invalid pixabot ID\"", got)
	}
}

// What C cannot be handed is refused before the call, never truncated or
// wrapped around.
func TestHostileInputIsRefusedByTheBinding(t *testing.T) {
	ctx := newContext(t)
	_, nul := ctx.Render("2156\x00", pixabots.DefaultOptions())
	expectError(t, "NUL in an ID", nul, pixabots.ErrInvalidID, `ID "2156\x00" contains a NUL byte`)
	o := pixabots.DefaultOptions()
	o.Bg = "#000000\x00"
	_, nul = ctx.Render("2156", o)
	expectError(t, "NUL in bg", nul, pixabots.ErrInvalidOption, `bg "#000000\x00" contains a NUL byte`)
	_, nul = pixabots.NewContextFromFiles(map[string][]byte{"eyes\x00": nil})
	expectError(t, "NUL in a file name", nul, pixabots.ErrInvalidArgument, `pack file name "eyes\x00" contains a NUL byte`)
	o = pixabots.DefaultOptions()
	o.Size = 1<<32 + 128
	_, wide := ctx.Render("2156", o)
	expectError(t, "size beyond int32", wide, pixabots.ErrInvalidOption, "size 4294967424 does not fit in 32 bits")
	_, wide = ctx.Encode(pixabots.Combo{Heads: 1 << 32})
	expectError(t, "part beyond int32", wide, pixabots.ErrInvalidID, "heads index 4294967296 is out of range")
}

// pxb_last_error is per thread: goroutines failing at once each get their own
// message, whichever OS threads the scheduler runs them on.
func TestErrorMessagesBelongToTheirGoroutine(t *testing.T) {
	ctx := newContext(t)
	var wg sync.WaitGroup
	failures := make(chan string, 16*20)
	for g := 0; g < 16; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			o := pixabots.DefaultOptions()
			o.Size = g + 1
			want := fmt.Sprintf("size %d is out of range: must be an integer between 32 and 1920", g+1)
			for i := 0; i < 20; i++ {
				if _, err := ctx.Render("2156", o); err == nil || err.Error() != want {
					failures <- fmt.Sprintf("goroutine %d: %v", g, err)
				}
			}
		}(g)
	}
	wg.Wait()
	close(failures)
	for f := range failures {
		t.Error(f)
	}
}
