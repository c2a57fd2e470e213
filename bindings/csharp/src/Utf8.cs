// Strings across the C ABI: everything the library reads or writes is UTF-8
// with a terminating NUL, whatever the platform's ANSI code page (which the
// default string marshalling would use on Windows).
using System;
using System.Runtime.InteropServices;
using System.Text;

namespace Pixabots
{
    internal static class Utf8
    {
        // IDs longer than this are hostile or mistaken: encoded into a fresh
        // array so the per-thread one stays small.
        private const int KeptIdBytes = 64;

        // The ID of the call in progress on this thread: a render per frame
        // encodes its ID here instead of allocating.
        [ThreadStatic] private static byte[] idBuffer;

        /// <summary>A NUL-terminated copy of `text`, or null for null.</summary>
        internal static byte[] ToNative(string text)
        {
            if (text == null)
            {
                return null;
            }
            int length = Encoding.UTF8.GetByteCount(text);
            byte[] bytes = new byte[length + 1];
            Encoding.UTF8.GetBytes(text, 0, text.Length, bytes, 0);
            return bytes;
        }

        /// <summary>An ID as the C string the library reads, in a per-thread
        /// buffer valid until this thread's next call. The library judges
        /// everything but what a C string cannot carry: a NUL.</summary>
        internal static byte[] Id(string id)
        {
            if (id == null)
            {
                throw new ArgumentNullException("id");
            }
            if (id.IndexOf('\0') >= 0)
            {
                throw new InvalidIdException("invalid ID \"" + id.Replace("\0", "\\0") +
                                             "\": contains a NUL character; must be exactly 4 characters of [0-9a-z]");
            }
            int length = Encoding.UTF8.GetByteCount(id);
            if (length + 1 > KeptIdBytes)
            {
                return ToNative(id);
            }
            byte[] buffer = idBuffer;
            if (buffer == null)
            {
                buffer = new byte[KeptIdBytes];
                idBuffer = buffer;
            }
            Encoding.UTF8.GetBytes(id, 0, id.Length, buffer, 0);
            buffer[length] = 0;
            return buffer;
        }

        /// <summary>The text of a NUL-terminated string the library owns.</summary>
        internal static string FromNative(IntPtr text)
        {
            if (text == IntPtr.Zero)
            {
                return null;
            }
            int length = 0;
            while (Marshal.ReadByte(text, length) != 0)
            {
                length++;
            }
            byte[] bytes = new byte[length];
            Marshal.Copy(text, bytes, 0, length);
            return Encoding.UTF8.GetString(bytes);
        }

        /// <summary>The ID the library wrote into a PXB_ID_BUFFER_SIZE buffer.</summary>
        internal static string FromIdBuffer(byte[] buffer)
        {
            return Encoding.ASCII.GetString(buffer, 0, Native.IdBufferSize - 1);
        }
    }
}
