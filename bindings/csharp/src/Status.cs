// pxb_status, pxb_format and pxb_category of pixabots.h, same numbers.
namespace Pixabots
{
    /// <summary>What a call of the C library returned.</summary>
    public enum Status
    {
        Ok = 0,
        InvalidId = 1,
        InvalidOption = 2,
        InvalidPack = 3,
        IO = 4,
        Codec = 5,
        InvalidArgument = 6,
        BufferTooSmall = 7,
        OutOfMemory = 8,
        VersionMismatch = 9,
        Internal = 10,
    }

    /// <summary>What to render. Png, Svg and Rgba are still images (or one
    /// tick, see RenderOptions.Tick); Gif, Webp, Apng and the sheet animate.</summary>
    public enum Format
    {
        Png = 0,
        Gif = 1,
        Webp = 2,
        Apng = 3,
        Svg = 4,
        /// <summary>Raw 8-bit RGBA, rows Size * 4 bytes, top row first, not premultiplied.</summary>
        Rgba = 5,
        MetadataJson = 6,
        FramesJson = 7,
        SheetPng = 8,
        SheetJson = 9,
    }

    /// <summary>Categories in encoding order: the order of an ID's characters.</summary>
    public enum Category
    {
        Eyes = 0,
        Heads = 1,
        Body = 2,
        Top = 3,
    }
}
