using NeuroLake.Web.Security;

namespace NeuroLake.Tests.Web.Security;

public sealed class ByteTextTests
{
    [Theory]
    [InlineData(0L, "0 bytes")]
    [InlineData(1000L, "1000 bytes")]
    [InlineData(2048L, "2 KB")]
    [InlineData(3_435_973_837L, "3.2 GB")]
    [InlineData(2L * 1024 * 1024 * 1024, "2 GB")]
    public void Sizes_read_the_way_limit_messages_show_them(long bytes, string text) => Assert.Equal(text, ByteText.Of(bytes));
}
