// Every status but Ok as an exception whose Message is the library's own
// detail (pxb_last_error: the bad value and the accepted range), one subclass
// per status so callers catch exactly what they can handle.
using System;

namespace Pixabots
{
    /// <summary>A call of the pixabots library failed: Status says how,
    /// Message is the library's text (pxb_last_error), Reason the fixed
    /// description of the status (pxb_strerror).</summary>
    public class PixabotsException : Exception
    {
        public PixabotsException(Status status, string message) : base(message)
        {
            Status = status;
        }

        public Status Status { get; private set; }

        public string Reason
        {
            get { return Utf8.FromNative(Native.pxb_strerror((int)Status)); }
        }
    }

    /// <summary>Not 4 base-36 characters naming parts that exist.</summary>
    public class InvalidIdException : PixabotsException
    {
        public InvalidIdException(string message) : base(Status.InvalidId, message) { }
    }

    /// <summary>Size, hue, saturate, bg, speed, tick... out of range.</summary>
    public class InvalidOptionException : PixabotsException
    {
        public InvalidOptionException(string message) : base(Status.InvalidOption, message) { }
    }

    /// <summary>A sprite pack that breaks the rules of docs/packs.md.</summary>
    public class InvalidPackException : PixabotsException
    {
        public InvalidPackException(string message) : base(Status.InvalidPack, message) { }
    }

    /// <summary>A file or directory that could not be read.</summary>
    public class PixabotsIOException : PixabotsException
    {
        public PixabotsIOException(string message) : base(Status.IO, message) { }
    }

    /// <summary>An image that could not be decoded or encoded.</summary>
    public class CodecException : PixabotsException
    {
        public CodecException(string message) : base(Status.Codec, message) { }
    }

    /// <summary>An unknown enum value (the binding never passes NULL).</summary>
    public class InvalidArgumentException : PixabotsException
    {
        public InvalidArgumentException(string message) : base(Status.InvalidArgument, message) { }
    }

    /// <summary>The caller's buffer is too small; Needed is the size the output takes.</summary>
    public class BufferTooSmallException : PixabotsException
    {
        public BufferTooSmallException(string message, long needed) : base(Status.BufferTooSmall, message)
        {
            Needed = needed;
        }

        public long Needed { get; private set; }
    }

    public class PixabotsOutOfMemoryException : PixabotsException
    {
        public PixabotsOutOfMemoryException(string message) : base(Status.OutOfMemory, message) { }
    }

    /// <summary>The library cannot read this binding's options struct.</summary>
    public class VersionMismatchException : PixabotsException
    {
        public VersionMismatchException(string message) : base(Status.VersionMismatch, message) { }
    }

    /// <summary>A bug in the library: please report it with the message.</summary>
    public class InternalErrorException : PixabotsException
    {
        public InternalErrorException(string message) : base(Status.Internal, message) { }
    }

    internal static class Errors
    {
        /// <summary>Throws the exception for a failed call's status; to be
        /// called on the thread that made the call, right after it.</summary>
        internal static void Check(int status)
        {
            if (status != (int)Status.Ok)
            {
                throw For((Status)status, 0);
            }
        }

        internal static PixabotsException For(Status status, long needed)
        {
            string message = Utf8.FromNative(Native.pxb_last_error());
            if (message.Length == 0)
            {
                message = Utf8.FromNative(Native.pxb_strerror((int)status));
            }
            switch (status)
            {
                case Status.InvalidId: return new InvalidIdException(message);
                case Status.InvalidOption: return new InvalidOptionException(message);
                case Status.InvalidPack: return new InvalidPackException(message);
                case Status.IO: return new PixabotsIOException(message);
                case Status.Codec: return new CodecException(message);
                case Status.InvalidArgument: return new InvalidArgumentException(message);
                case Status.BufferTooSmall: return new BufferTooSmallException(message, needed);
                case Status.OutOfMemory: return new PixabotsOutOfMemoryException(message);
                case Status.VersionMismatch: return new VersionMismatchException(message);
                case Status.Internal: return new InternalErrorException(message);
                default: return new PixabotsException(status, message);
            }
        }
    }
}
