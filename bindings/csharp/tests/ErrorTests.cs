// Every failure is the exception of its status, whose Message is the C
// library's own text for this thread (pxb_last_error), word for word.
using System;
using System.Collections.Generic;
using NUnit.Framework;

namespace Pixabots.Tests
{
    [TestFixture]
    public class ErrorTests : EmbeddedArtFixture
    {
        // The exception `call` throws, checked against the library's message
        // for this thread, read right after the failed call.
        private static T Fails<T>(TestDelegate call, Status status, string message) where T : PixabotsException
        {
            T error = Assert.Throws<T>(call);
            Assert.AreEqual(status, error.Status);
            Assert.AreEqual(message, error.Message);
            Assert.AreEqual(Utf8.FromNative(Native.pxb_last_error()), error.Message);
            Assert.IsNotEmpty(error.Reason);
            return error;
        }

        [Test]
        public void InvalidIds()
        {
            Fails<InvalidIdException>(() => context.Render("g000"), Status.InvalidId,
                                      "invalid ID \"g000\": eyes index 16 is out of range 0..15 ('0'..'f')");
            Fails<InvalidIdException>(() => context.Decode("215"), Status.InvalidId,
                                      "invalid ID \"215\": must be exactly 4 characters of [0-9a-z], got 3");
            Fails<InvalidIdException>(() => context.IdAt(10752), Status.InvalidId,
                                      "combo index 10752 is out of range 0..10751");
            Assert.AreEqual("invalid pixabot ID", Assert.Throws<InvalidIdException>(() => context.TickCount("2A56")).Reason);
            Assert.Throws<InvalidIdException>(() => context.LoopDurationMs("zzzz"));
            Assert.Throws<InvalidIdException>(() => context.Encode(new Combo(99, 0, 0, 0)));
            // What a C string cannot carry is refused before the library would read "2156".
            InvalidIdException nul = Assert.Throws<InvalidIdException>(() => context.Render("2156\0"));
            StringAssert.Contains("NUL", nul.Message);
            Assert.Throws<InvalidIdException>(() => context.IdAt(-1));
            Assert.Throws<ArgumentNullException>(() => context.Render(null));
        }

        [Test]
        public void InvalidOptions()
        {
            Fails<InvalidOptionException>(() => context.Render("2156", new RenderOptions { Size = 20 }), Status.InvalidOption,
                                          "size 20 is out of range: must be an integer between 32 and 1920");
            Fails<InvalidOptionException>(() => context.Render("2156", new RenderOptions { Bg = "yellow" }), Status.InvalidOption,
                                          "colour \"yellow\" is not valid: expected #rrggbb (6 hex digits)");
            Fails<InvalidOptionException>(() => context.Render("2156", new RenderOptions { Tick = 16 }), Status.InvalidOption,
                                          "tick 16 is out of range: must be -1 (still), -2 (all) or 0..15");
            Fails<InvalidOptionException>(() => Context.TickDurationMs(5), Status.InvalidOption,
                                          "speed 5 is out of range: must be between 0.25 and 4");
            Fails<InvalidOptionException>(() => context.PartName(Category.Eyes, 16), Status.InvalidOption,
                                          "part 16 is out of range for eyes: must be 0..15");
            StringAssert.Contains("saturate", Assert.Throws<InvalidOptionException>(
                () => context.Render("2156", new RenderOptions { Saturate = 9 })).Message);
            Assert.Throws<InvalidOptionException>(() => context.Render("2156", new RenderOptions { Format = Format.Gif, Tick = 3 }));
            Assert.Throws<InvalidOptionException>(() => new RenderOptions { Bg = "#000000\0" });
        }

        [Test]
        public void InvalidArguments()
        {
            Fails<InvalidArgumentException>(() => context.PartCount((Category)4), Status.InvalidArgument,
                                            "category 4 is not one of 0..3 (eyes, heads, body, top)");
            StringAssert.Contains("format 12", Fails<InvalidArgumentException>(
                () => context.Render("2156", new RenderOptions { Format = (Format)12 }), Status.InvalidArgument,
                "format 12 is not a pxb_format (0..9)").Message);
        }

        [Test]
        public void CodecIoAndPackErrors()
        {
            Fails<CodecException>(() => Library.DecodePng(new byte[] { 1, 2, 3, 4 }), Status.Codec, "not a PNG (bad signature)");
            Fails<PixabotsIOException>(() => Context.FromDirectory("/nonexistent/pack"), Status.IO,
                                       "pack directory /nonexistent/pack: does not exist");
            var broken = new Dictionary<string, byte[]> { { "eyes/visor.png", new byte[] { 1, 2, 3 } } };
            PixabotsException pack = Assert.Throws<InvalidPackException>(() => Context.FromMemory(broken));
            Assert.AreEqual(Status.InvalidPack, pack.Status);
            StringAssert.Contains("eyes/", pack.Message);
            Assert.Throws<InvalidPackException>(() => Context.FromMemory(new Dictionary<string, byte[]> { { "a\0b", new byte[0] } }));
        }

        [Test]
        public void BufferTooSmallReportsTheSizeNeeded()
        {
            BufferTooSmallException error = Fails<BufferTooSmallException>(
                () => context.RenderInto("2156", new RenderOptions { Size = 64, Format = Format.Rgba }, new byte[100]),
                Status.BufferTooSmall, "the output needs 16384 bytes; the buffer holds 100");
            Assert.AreEqual(64 * 64 * 4, error.Needed);
        }

        [Test]
        public void EveryStatusHasItsOwnException()
        {
            Assert.IsInstanceOf<PixabotsOutOfMemoryException>(Errors.For(Status.OutOfMemory, 0));
            Assert.IsInstanceOf<VersionMismatchException>(Errors.For(Status.VersionMismatch, 0));
            Assert.IsInstanceOf<InternalErrorException>(Errors.For(Status.Internal, 0));
            Assert.AreEqual((Status)42, Errors.For((Status)42, 0).Status);
        }
    }
}
