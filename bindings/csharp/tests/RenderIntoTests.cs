// Per-frame RGBA into the caller's array (what Unity's LoadRawTextureData and
// Godot's Image.CreateFromData take): written in place, nothing allocated.
using System;
using System.Linq;
using NUnit.Framework;

namespace Pixabots.Tests
{
    [TestFixture]
    public class RenderIntoTests : EmbeddedArtFixture
    {
        [Test]
        public void EveryTickIntoOneBufferMatchesRender()
        {
            var options = new RenderOptions { Size = 64, Format = Format.Rgba, Bg = "#0a141e" };
            Assert.AreEqual(64 * 64 * 4, context.RenderSize("2156", options));
            byte[] frame = new byte[context.RenderSize("2156", options) + 10];
            int ticks = context.TickCount("2156");
            for (int tick = 0; tick < ticks; tick++)
            {
                options.Tick = tick;
                Assert.AreEqual(64 * 64 * 4, context.RenderInto("2156", options, frame));
                CollectionAssert.AreEqual(context.Render("2156", options), frame.Take(64 * 64 * 4).ToArray(), "tick " + tick);
                CollectionAssert.AreEqual(new byte[10], frame.Skip(64 * 64 * 4).ToArray(), "nothing written past the pixels");
            }
        }

        [Test]
        public void OtherFormatsGoIntoTheBufferToo()
        {
            var options = new RenderOptions { Format = Format.Gif, Size = 48 };
            byte[] gif = context.Render("2156", options);
            Assert.AreEqual(gif.Length, context.RenderSize("2156", options));
            byte[] buffer = new byte[gif.Length + 5];
            Assert.AreEqual(gif.Length, context.RenderInto("2156", options, buffer));
            CollectionAssert.AreEqual(gif, buffer.Take(gif.Length).ToArray());
        }

        [Test]
        public void FailuresWriteNothing()
        {
            byte[] untouched = Enumerable.Repeat((byte)0x5a, 64 * 64 * 4).ToArray();
            var options = new RenderOptions { Size = 64, Format = Format.Rgba };
            Assert.Throws<InvalidIdException>(() => context.RenderInto("zzzz", options, untouched));
            Assert.Throws<BufferTooSmallException>(() => context.RenderInto("2156", options, new byte[0]));
            Assert.AreEqual(64 * 64 * 4, Assert.Throws<BufferTooSmallException>(
                () => context.RenderInto("2156", options, untouched.Take(100).ToArray())).Needed);
            Assert.IsTrue(untouched.All(b => b == 0x5a));
            Assert.Throws<ArgumentNullException>(() => context.RenderInto("2156", options, null));
        }

        [Test]
        public void RenderingEachFrameAllocatesNothing()
        {
            var options = new RenderOptions { Size = 128, Format = Format.Rgba, Bg = "#fde68a" };
            byte[] frame = new byte[128 * 128 * 4];
            int ticks = context.TickCount("2156");
            // The first calls set up this thread's ID buffer and the JIT's code.
            for (int tick = 0; tick < ticks; tick++)
            {
                options.Tick = tick;
                context.RenderInto("2156", options, frame);
            }
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int frameNumber = 0; frameNumber < 200; frameNumber++)
            {
                options.Tick = frameNumber % ticks;
                context.RenderInto("2156", options, frame);
            }
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.AreEqual(0, allocated, "managed bytes allocated by 200 RenderInto calls");
            CollectionAssert.AreEqual(context.Render("2156", options), frame);
        }
    }
}
