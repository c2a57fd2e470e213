package pixabots

/*
#include <stdlib.h>
#include <pixabots/pixabots.h>

// A render's inputs and outputs in one C allocation, the ID's bytes after it.
// cgo moves to the Go heap any Go variable whose address it passes to C, so
// options and out-parameters kept in Go memory would allocate on every frame.
typedef struct {
	pxb_options options;
	uint8_t* data;
	size_t size;
} pxbgo_render;

// pxb_render_into taking the context as void*: cgo boxes pointer arguments in
// interfaces for its pointer check, and a pointer to an incomplete C type
// (pxb_ctx) is not pointer-shaped to Go, so boxing it allocates per call.
static pxb_status pxbgo_render_into(const void* ctx, const char* id, const pxb_options* options,
                                    uint8_t* buffer, size_t capacity, size_t* out_size) {
	return pxb_render_into((const pxb_ctx*)ctx, id, options, buffer, capacity, out_size);
}
*/
import "C"

import "unsafe"

// Render renders id in opts.Format into a new buffer: a PNG, GIF, WebP or
// APNG file, SVG or JSON text, or raw RGBA pixels (rows Size*4 bytes).
func (c *Context) Render(id string, opts Options) ([]byte, error) {
	args, err := newRenderArgs(id, &opts)
	if err != nil {
		return nil, err
	}
	defer args.free()
	var out []byte
	err = c.with(func(ctx *C.pxb_ctx) C.pxb_status {
		status := C.pxb_render(ctx, args.id, &args.call.options, &args.call.data, &args.call.size)
		if status == C.PXB_OK {
			out = handOver(args.call.data, args.call.size)
		}
		return status
	})
	return out, err
}

// RenderInto renders id into dst and returns the bytes written. With
// FormatRGBA the pixels go straight into dst, so playing the animation tick by
// tick (opts.Tick) allocates no Go memory per frame. When dst is too small
// nothing is written and the error is ErrBufferTooSmall with Needed set; a nil
// dst asks for the size.
func (c *Context) RenderInto(id string, opts Options, dst []byte) (int, error) {
	args, err := newRenderArgs(id, &opts)
	if err != nil {
		return 0, err
	}
	defer args.free()
	var buffer *C.uint8_t
	if len(dst) > 0 {
		buffer = (*C.uint8_t)(unsafe.Pointer(&dst[0]))
	}
	err = c.with(func(ctx *C.pxb_ctx) C.pxb_status {
		return C.pxbgo_render_into(unsafe.Pointer(ctx), args.id, &args.call.options, buffer, C.size_t(len(dst)), &args.call.size)
	})
	if err != nil {
		if e, ok := err.(*Error); ok && e.Status == ErrBufferTooSmall {
			e.Needed = int(args.call.size)
		}
		return 0, err
	}
	return int(args.call.size), nil
}

// handOver copies a buffer the library handed over into Go memory and
// releases the library's copy.
func handOver(data *C.uint8_t, size C.size_t) []byte {
	out := C.GoBytes(unsafe.Pointer(data), C.int(size))
	C.pxb_free(unsafe.Pointer(data))
	return out
}

// renderArgs is a render's C allocation and the ID in it.
type renderArgs struct {
	call *C.pxbgo_render
	id   *C.char
}

func newRenderArgs(id string, opts *Options) (renderArgs, error) {
	if err := checkNoNUL(id, "ID", ErrInvalidID); err != nil {
		return renderArgs{}, err
	}
	options, err := opts.toC()
	if err != nil {
		return renderArgs{}, err
	}
	block := C.malloc(C.sizeof_pxbgo_render + C.size_t(len(id)) + 1) // cgo's malloc never returns NULL
	args := renderArgs{(*C.pxbgo_render)(block), (*C.char)(unsafe.Add(block, C.sizeof_pxbgo_render))}
	*args.call = C.pxbgo_render{options: options}
	text := unsafe.Slice((*byte)(unsafe.Pointer(args.id)), len(id)+1)
	text[copy(text, id)] = 0
	return args, nil
}

func (a renderArgs) free() {
	freeOptions(&a.call.options)
	C.free(unsafe.Pointer(a.call))
}
