package pixabots

/*
#include <stdlib.h>
#include <pixabots/pixabots.h>
*/
import "C"

import (
	"fmt"
	"math"
	"unsafe"
)

// Category is a part category, in the order of an ID's characters.
type Category int32

// The categories.
const (
	Eyes  Category = C.PXB_CATEGORY_EYES
	Heads Category = C.PXB_CATEGORY_HEADS
	Body  Category = C.PXB_CATEGORY_BODY
	Top   Category = C.PXB_CATEGORY_TOP
)

// String is the category's name: "eyes", "heads", "body", "top".
func (c Category) String() string {
	if name := C.pxb_category_name(C.int32_t(c)); name != nil {
		return C.GoString(name)
	}
	return fmt.Sprintf("Category(%d)", int32(c))
}

// Combo is one part index per category: what an ID names.
type Combo struct {
	Eyes, Heads, Body, Top int
}

// Decode returns the parts id names.
func (c *Context) Decode(id string) (Combo, error) {
	cid, err := cID(id)
	if err != nil {
		return Combo{}, err
	}
	defer C.free(unsafe.Pointer(cid))
	var combo C.pxb_combo
	err = c.with(func(ctx *C.pxb_ctx) C.pxb_status { return C.pxb_decode_id(ctx, cid, &combo) })
	p := combo.part
	return Combo{int(p[Eyes]), int(p[Heads]), int(p[Body]), int(p[Top])}, err
}

// Encode returns the ID of combo.
func (c *Context) Encode(combo Combo) (string, error) {
	var cc C.pxb_combo
	for i, part := range [...]int{combo.Eyes, combo.Heads, combo.Body, combo.Top} {
		if part < math.MinInt32 || part > math.MaxInt32 {
			return "", &Error{Status: ErrInvalidID, Message: fmt.Sprintf("%s index %d is out of range", Category(i), part)}
		}
		cc.part[i] = C.int32_t(part)
	}
	return c.id(func(ctx *C.pxb_ctx, out *C.char) C.pxb_status { return C.pxb_encode_id(ctx, &cc, out) })
}

// SeededID is the service's seededId: the same text always gives the same ID
// ("alice" is "3409"). All of text is hashed, NUL bytes included.
func (c *Context) SeededID(text string) (string, error) {
	ctext := C.CString(text) // copies every byte; the length is passed
	defer C.free(unsafe.Pointer(ctext))
	return c.id(func(ctx *C.pxb_ctx, out *C.char) C.pxb_status {
		return C.pxb_seeded_id(ctx, ctext, C.size_t(len(text)), out)
	})
}

// RandomID is a uniformly random ID of the context's catalog.
func (c *Context) RandomID() (string, error) {
	return c.id(func(ctx *C.pxb_ctx, out *C.char) C.pxb_status { return C.pxb_random_id(ctx, out) })
}

// id runs a call that writes an ID into out_id.
func (c *Context) id(fn func(ctx *C.pxb_ctx, out *C.char) C.pxb_status) (string, error) {
	var out [C.PXB_ID_BUFFER_SIZE]C.char
	if err := c.with(func(ctx *C.pxb_ctx) C.pxb_status { return fn(ctx, &out[0]) }); err != nil {
		return "", err
	}
	return C.GoString(&out[0]), nil
}

// PartCount is the number of parts in category.
func (c *Context) PartCount(category Category) (int, error) {
	var n C.int32_t
	err := c.with(func(ctx *C.pxb_ctx) C.pxb_status { return C.pxb_part_count(ctx, C.int32_t(category), &n) })
	return int(n), err
}

// PartName is the name of part 0..PartCount-1 of category, e.g. "glasses".
func (c *Context) PartName(category Category, part int) (string, error) {
	if part < math.MinInt32 || part > math.MaxInt32 {
		return "", &Error{Status: ErrInvalidOption, Message: fmt.Sprintf("%s part %d is out of range", category, part)}
	}
	var name string
	err := c.with(func(ctx *C.pxb_ctx) C.pxb_status {
		var cname *C.char
		status := C.pxb_part_name(ctx, C.int32_t(category), C.int32_t(part), &cname)
		if status == C.PXB_OK {
			name = C.GoString(cname) // owned by the context: copied before Close can free it
		}
		return status
	})
	return name, err
}

// TickCount is the number of ticks id's animation encodes: 16, or 8 when no
// part of it animates.
func (c *Context) TickCount(id string) (int, error) {
	cid, err := cID(id)
	if err != nil {
		return 0, err
	}
	defer C.free(unsafe.Pointer(cid))
	var n C.int32_t
	err = c.with(func(ctx *C.pxb_ctx) C.pxb_status { return C.pxb_tick_count(ctx, cid, &n) })
	return int(n), err
}

// TickDurationMs is how long one tick shows at speed 0.25..4:
// max(20, round(72 / speed)) milliseconds, the same for every ID.
func TickDurationMs(speed float64) (int, error) {
	var ms C.int32_t
	err := call(func() C.pxb_status { return C.pxb_tick_duration_ms(C.double(speed), &ms) })
	return int(ms), err
}

// LoopDurationMs is one whole loop of id at speed, in milliseconds:
// TickCount(id) * TickDurationMs(speed).
func (c *Context) LoopDurationMs(id string, speed float64) (int, error) {
	cid, err := cID(id)
	if err != nil {
		return 0, err
	}
	defer C.free(unsafe.Pointer(cid))
	var ms C.int32_t
	err = c.with(func(ctx *C.pxb_ctx) C.pxb_status { return C.pxb_loop_duration_ms(ctx, cid, C.double(speed), &ms) })
	return int(ms), err
}

// CatalogJSON is the context's catalog as JSON: {"name", "categories":
// {"eyes": [{"index", "digit", "name", "frames", "kind"}, ...], ...},
// "combinations"}.
func (c *Context) CatalogJSON() ([]byte, error) {
	var out []byte
	err := c.with(func(ctx *C.pxb_ctx) C.pxb_status {
		var data *C.uint8_t
		var size C.size_t
		status := C.pxb_catalog_json(ctx, &data, &size)
		if status == C.PXB_OK {
			out = handOver(data, size)
		}
		return status
	})
	return out, err
}

// cID is id as a C string; a NUL byte is an invalid ID rather than the ID
// before it.
func cID(id string) (*C.char, error) {
	return cString(id, "ID", ErrInvalidID)
}
