package pixabots

// #include <pixabots/pixabots.h>
import "C"

// Status is why a call failed: the C ABI's pxb_status. The constants are
// sentinels for errors.Is, since every *Error unwraps to its Status:
//
//	if errors.Is(err, pixabots.ErrInvalidID) { ... }
type Status int32

// The pxb_status values other than PXB_OK.
const (
	ErrInvalidID       Status = C.PXB_ERR_INVALID_ID       // not 4 base-36 characters naming parts that exist
	ErrInvalidOption   Status = C.PXB_ERR_INVALID_OPTION   // size, hue, saturate, bg, speed, tick, ... out of range
	ErrInvalidPack     Status = C.PXB_ERR_INVALID_PACK     // a sprite pack that breaks the rules (docs/packs.md)
	ErrIO              Status = C.PXB_ERR_IO               // a file or directory that could not be read
	ErrCodec           Status = C.PXB_ERR_CODEC            // an image that could not be decoded or encoded
	ErrInvalidArgument Status = C.PXB_ERR_INVALID_ARGUMENT // an unknown enum value, a closed context
	ErrBufferTooSmall  Status = C.PXB_ERR_BUFFER_TOO_SMALL // the caller's buffer; Error.Needed holds the size needed
	ErrOutOfMemory     Status = C.PXB_ERR_OUT_OF_MEMORY
	ErrVersionMismatch Status = C.PXB_ERR_VERSION_MISMATCH // an options layout this library cannot read
	ErrInternal        Status = C.PXB_ERR_INTERNAL         // a bug: please report it with the message
)

// Error is the library's fixed English description of the status
// (pxb_strerror), e.g. "invalid pixabot ID".
func (s Status) Error() string {
	return C.GoString(C.pxb_strerror(C.int32_t(s)))
}

// Error is a failed call: its status and the library's detail message,
// exactly as pxb_last_error gives it, e.g. "size 20 is out of range: must be
// an integer between 32 and 1920".
type Error struct {
	Status  Status
	Message string
	// Needed is, with ErrBufferTooSmall, the bytes the output needs.
	Needed int
}

// Error returns the library's message.
func (e *Error) Error() string {
	return e.Message
}

// Unwrap returns the Status, so errors.Is(err, ErrInvalidID) works.
func (e *Error) Unwrap() error {
	return e.Status
}

// lastError is the failure status of the call just made on this OS thread,
// with the thread's message (see call for why the thread is the same).
func lastError(status C.pxb_status) *Error {
	message := C.GoString(C.pxb_last_error())
	if message == "" {
		message = Status(status).Error()
	}
	return &Error{Status: Status(status), Message: message}
}
