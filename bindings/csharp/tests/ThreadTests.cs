// A context is immutable: threads rendering with one context at once get
// exactly what one thread gets, and each sees only its own errors.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using NUnit.Framework;

namespace Pixabots.Tests
{
    [TestFixture]
    public class ThreadTests
    {
        private static readonly string[] Ids = { "2156", "0000", "3409", "f247", "530a", "7507" };
        private static readonly Format[] Formats = { Format.Png, Format.Gif, Format.Webp, Format.Svg, Format.Rgba };
        private const int Workers = 8;
        private const int Rounds = 3;

        [Test]
        public void ConcurrentRendersOnOneContextAreIdentical()
        {
            using (var context = new Context())
            {
                var expected = new Dictionary<string, byte[]>();
                foreach (string id in Ids)
                {
                    foreach (Format format in Formats)
                    {
                        expected[id + format] = context.Render(id, new RenderOptions { Size = 64, Format = format });
                    }
                }
                var failures = new List<string>();
                int renders = 0;
                var start = new Barrier(Workers);
                Thread[] threads = Enumerable.Range(0, Workers).Select(worker => new Thread(() =>
                {
                    try
                    {
                        start.SignalAndWait();
                        var rgba = new byte[64 * 64 * 4];
                        for (int round = 0; round < Rounds; round++)
                        {
                            foreach (string id in Ids)
                            {
                                Format format = Formats[(worker + round) % Formats.Length];
                                var options = new RenderOptions { Size = 64, Format = format };
                                if (!context.Render(id, options).SequenceEqual(expected[id + format]))
                                {
                                    lock (failures) failures.Add("thread " + worker + ": " + id + " " + format);
                                }
                                options.Format = Format.Rgba;
                                context.RenderInto(id, options, rgba);
                                if (!rgba.SequenceEqual(expected[id + Format.Rgba]))
                                {
                                    lock (failures) failures.Add("thread " + worker + ": " + id + " into");
                                }
                                Interlocked.Increment(ref renders);
                            }
                            // Errors stay on their own thread while the others render.
                            try
                            {
                                context.Render("2156", new RenderOptions { Size = worker + 1 });
                            }
                            catch (InvalidOptionException error)
                            {
                                if (!error.Message.StartsWith("size " + (worker + 1) + " "))
                                {
                                    lock (failures) failures.Add("thread " + worker + " got another's message: " + error.Message);
                                }
                            }
                        }
                    }
                    catch (Exception error)
                    {
                        lock (failures) failures.Add("thread " + worker + ": " + error);
                    }
                })).ToArray();
                foreach (Thread thread in threads) thread.Start();
                foreach (Thread thread in threads) Assert.IsTrue(thread.Join(TimeSpan.FromMinutes(2)), "a thread hung");
                CollectionAssert.IsEmpty(failures);
                Assert.AreEqual(Workers * Rounds * Ids.Length, renders);
            }
        }

        [Test]
        public void DisposeWaitsForRendersInProgress()
        {
            var context = new Context();
            var started = new ManualResetEvent(false);
            var outcomes = new List<string>();
            var thread = new Thread(() =>
            {
                started.Set();
                try
                {
                    for (int i = 0; i < 20; i++)
                    {
                        outcomes.Add(context.Render("2156", new RenderOptions { Size = 1920 }).Length > 0 ? "png" : "empty");
                    }
                }
                catch (ObjectDisposedException)
                {
                    outcomes.Add("disposed");
                }
            });
            thread.Start();
            started.WaitOne();
            context.Dispose();
            Assert.IsTrue(thread.Join(TimeSpan.FromMinutes(2)));
            Assert.IsTrue(context.IsDisposed);
            Assert.IsTrue(outcomes.All(o => o == "png" || o == "disposed"), string.Join(", ", outcomes));
        }
    }
}
