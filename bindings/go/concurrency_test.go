package pixabots_test

import (
	"bytes"
	"fmt"
	"sync"
	"testing"

	pixabots "github.com/pixabots/pixabots/bindings/go"
)

// 16 goroutines x 50 renders on one context, in every kind of output, each
// equal to the same render made alone.
func TestGoroutinesShareOneContext(t *testing.T) {
	ctx := newContext(t)
	ids := []string{"2156", "0000", "3409", "f247", "530a"}
	formats := []pixabots.Format{pixabots.FormatPNG, pixabots.FormatGIF, pixabots.FormatWebP, pixabots.FormatSVG, pixabots.FormatRGBA}
	expected := map[string][]byte{}
	for _, id := range ids {
		for _, f := range formats {
			expected[fmt.Sprint(id, f)] = render(t, ctx, id, options(f, 64))
		}
	}
	const goroutines, renders = 16, 50
	var wg sync.WaitGroup
	failures := make(chan string, goroutines*renders)
	for g := 0; g < goroutines; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < renders; i++ {
				id, f := ids[(g+i)%len(ids)], formats[(g*7+i)%len(formats)]
				out, err := ctx.Render(id, options(f, 64))
				if err != nil || !bytes.Equal(out, expected[fmt.Sprint(id, f)]) {
					failures <- fmt.Sprintf("goroutine %d, render %d (%s format %d): %v", g, i, id, f, err)
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

// Close waits for renders in progress; calls after it fail cleanly.
func TestCloseWaitsAndLaterCallsFail(t *testing.T) {
	ctx, err := pixabots.NewContext()
	if err != nil {
		t.Fatal(err)
	}
	started := make(chan struct{})
	done := make(chan error)
	go func() {
		close(started)
		var err error
		for i := 0; i < 20 && err == nil; i++ {
			_, err = ctx.Render("2156", options(pixabots.FormatPNG, 1920))
		}
		done <- err
	}()
	<-started
	ctx.Close()
	if err := <-done; err != nil && err.Error() != "the context is closed" {
		t.Errorf("a render racing Close: %v", err)
	}
	_, err = ctx.Render("2156", pixabots.DefaultOptions())
	expectError(t, "render after Close", err, pixabots.ErrInvalidArgument, "the context is closed")
	if err := ctx.Close(); err != nil {
		t.Errorf("a second Close: %v", err)
	}
}
