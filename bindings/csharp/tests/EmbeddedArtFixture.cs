// One context on the embedded art for a whole fixture: the fixtures that
// render with the library's own art derive from this instead of each opening
// and closing their own.
using NUnit.Framework;

namespace Pixabots.Tests
{
    public abstract class EmbeddedArtFixture
    {
        protected Context context;

        [TestFixtureSetUp]
        public void Open()
        {
            context = new Context();
        }

        [TestFixtureTearDown]
        public void Close()
        {
            context.Dispose();
        }
    }
}
