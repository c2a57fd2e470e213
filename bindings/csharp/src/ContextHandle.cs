// The pxb_ctx* of a Context. P/Invoke holds a reference on the handle for the
// length of every call, so Dispose while other threads render frees the
// context only after their calls return: pxb_ctx_free never races with them.
using System;
using System.Runtime.InteropServices;

namespace Pixabots
{
    internal sealed class ContextHandle : SafeHandle
    {
        // Created by the marshaller for the pxb_ctx_new* out arguments.
        private ContextHandle() : base(IntPtr.Zero, true)
        {
        }

        public override bool IsInvalid
        {
            get { return handle == IntPtr.Zero; }
        }

        protected override bool ReleaseHandle()
        {
            Native.pxb_ctx_free(handle);
            return true;
        }
    }
}
