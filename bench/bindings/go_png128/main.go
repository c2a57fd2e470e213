// PNG@128 of bot 2156 through the Go binding (Context.Render,
// DefaultOptions): 200 warm-up renders, then N timed; prints "go <median_us>".
// Built by run.sh with CGO_CFLAGS/CGO_LDFLAGS naming the build directory.
package main

import (
	"fmt"
	"os"
	"sort"
	"strconv"
	"time"

	pixabots "github.com/pixabots/pixabots/bindings/go"
)

func main() {
	n := 2000
	if len(os.Args) > 1 {
		n, _ = strconv.Atoi(os.Args[1])
	}
	if n < 1 {
		os.Exit(2)
	}
	ctx, err := pixabots.NewContext()
	if err != nil {
		panic(err)
	}
	defer ctx.Close()
	o := pixabots.DefaultOptions()
	times := make([]float64, n)
	for i := -200; i < n; i++ {
		start := time.Now()
		if _, err := ctx.Render("2156", o); err != nil {
			panic(err)
		}
		if i >= 0 {
			times[i] = float64(time.Since(start).Nanoseconds()) / 1e3
		}
	}
	sort.Float64s(times)
	fmt.Printf("go %.1f\n", times[n/2])
}
