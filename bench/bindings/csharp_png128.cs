// PNG@128 of bot 2156 through the C# binding (Mono or .NET): the median time
// of one Context.Render call, to set beside the C library's own figure
// (bench/render_api_bench, docs/performance.md). Built and run briefly by
// ctest's csharp_png128; run it by hand for a real figure:
//   LD_LIBRARY_PATH=build/src mono build/bindings/csharp/csharp_png128/csharp_png128.exe [iterations]
using System;
using System.Diagnostics;
using Pixabots;

internal static class CsharpPng128
{
    private static int Main(string[] args)
    {
        int iterations = args.Length > 0 ? int.Parse(args[0]) : 5000;
        if (iterations < 1)
        {
            Console.Error.WriteLine("usage: csharp_png128.exe [iterations >= 1]");
            return 2;
        }
        using (var context = new Context())
        {
            var options = new RenderOptions { Size = 128, Format = Format.Png };
            // Warm-up: the JIT compiles the call path, the library's caches fill.
            for (int i = 0; i < 200; i++)
            {
                context.Render("2156", options);
            }
            var times = new double[iterations];
            long bytes = 0;
            var clock = new Stopwatch();
            for (int i = 0; i < iterations; i++)
            {
                clock.Restart();
                bytes = context.Render("2156", options).Length;
                clock.Stop();
                times[i] = clock.Elapsed.TotalMilliseconds * 1000;
            }
            Array.Sort(times);
            Console.WriteLine("csharp PNG@128 2156: median {0:F1} us, p10 {1:F1} us, p90 {2:F1} us, {3} bytes, {4} iterations, library {5}",
                              times[iterations / 2], times[iterations / 10], times[iterations * 9 / 10], bytes, iterations,
                              Library.Version);
        }
        return 0;
    }
}
