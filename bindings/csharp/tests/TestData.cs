// The conformance fixtures of tests/data (PIXABOTS_TEST_DATA, set by ctest)
// and the few helpers the tests share.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;

namespace Pixabots.Tests
{
    internal static class TestData
    {
        internal static string Root
        {
            get
            {
                string root = Environment.GetEnvironmentVariable("PIXABOTS_TEST_DATA");
                if (string.IsNullOrEmpty(root))
                {
                    throw new InvalidOperationException("PIXABOTS_TEST_DATA must name tests/data (ctest sets it)");
                }
                return root;
            }
        }

        internal static string Conformance
        {
            get { return Path.Combine(Root, "conformance"); }
        }

        internal static string Pack
        {
            get { return Path.Combine(Conformance, "pack"); }
        }

        private static Dictionary<string, object> cases;

        internal static Dictionary<string, object> CasesDocument
        {
            get
            {
                if (cases == null)
                {
                    cases = (Dictionary<string, object>)MiniJson.Parse(
                        File.ReadAllText(Path.Combine(Conformance, "cases.json")));
                }
                return cases;
            }
        }

        internal static List<Dictionary<string, object>> Cases(string kind)
        {
            return ((List<object>)CasesDocument["cases"])
                .Cast<Dictionary<string, object>>()
                .Where(c => (string)c["kind"] == kind)
                .ToList();
        }

        internal static int Int(Dictionary<string, object> c, string key)
        {
            return (int)(double)c[key];
        }

        internal static string Sha256(byte[] bytes)
        {
            using (SHA256 sha = SHA256.Create())
            {
                return string.Concat(sha.ComputeHash(bytes).Select(b => b.ToString("x2")));
            }
        }

        /// <summary>RGBA as a reference stores it: RGB when the case has a background.</summary>
        internal static byte[] Stored(byte[] rgba, int channels)
        {
            if (channels == 4)
            {
                return rgba;
            }
            return rgba.Where((b, i) => i % 4 != 3).ToArray();
        }
    }
}
