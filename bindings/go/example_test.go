package pixabots_test

import (
	"errors"
	"fmt"
	"log"

	pixabots "github.com/pixabots/pixabots/bindings/go"
)

// The README's example, kept compiling and checked by go test.
func Example() {
	ctx, err := pixabots.NewContext() // the art embedded in the library
	if err != nil {
		log.Fatal(err)
	}
	defer ctx.Close()
	opts := pixabots.DefaultOptions() // size 128, PNG, the still image
	opts.Size, opts.Hue = 256, 200
	id, _ := ctx.SeededID("alice") // "3409", as on the service
	png, err := ctx.Render(id, opts)
	fmt.Println(id, string(png[1:4]), err)

	opts.Size = 20
	_, err = ctx.Render(id, opts)
	fmt.Println(errors.Is(err, pixabots.ErrInvalidOption), err)
	// Output:
	// 3409 PNG <nil>
	// true size 20 is out of range: must be an integer between 32 and 1920
}
