using NeuroLake.Engine.Storage;
using NeuroLake.Engine.Tables.Log;

namespace NeuroLake.Tests.Tables;

public sealed class LogFileNameTests
{
    private static LogFileName? Parse(string name) => LogFileName.TryParse(new ObjectInfo("_delta_log/" + name, 1, DateTimeOffset.UnixEpoch));

    [Fact]
    public void Commits_and_the_three_checkpoint_namings_are_recognised()
    {
        Assert.Equal((LogFileKind.Commit, 12L), (Parse("00000000000000000012.json")!.Kind, Parse("00000000000000000012.json")!.Version));
        Assert.Equal(LogFileKind.ClassicCheckpoint, Parse("00000000000000000010.checkpoint.parquet")!.Kind);
        var part = Parse("00000000000000000010.checkpoint.0000000002.0000000003.parquet")!;
        Assert.Equal((LogFileKind.MultiPartCheckpoint, 2, 3), (part.Kind, part.Part, part.Parts));
        Assert.Equal(LogFileKind.UuidCheckpoint, Parse("00000000000000000010.checkpoint.80a083e8-7026-4e79-81be-64bd76c43a11.json")!.Kind);
    }

    [Theory]
    [InlineData("00000000000000000010.crc")]
    [InlineData("00000000000000000004.00000000000000000006.compacted.json")]
    [InlineData("_last_checkpoint")]
    [InlineData("0000000000000000001.json")]
    [InlineData("00000000000000000001.json.abc.nl-tmp")]
    public void Other_files_in_the_log_are_ignored(string name) => Assert.Null(Parse(name));

    [Fact]
    public void Last_checkpoint_hint_parses_and_rejects_garbage()
    {
        Assert.Equal(30, LastCheckpoint.TryParse("""{"version":30,"size":12,"parts":2}"""u8)!.Version);
        Assert.Null(LastCheckpoint.TryParse("""{"vers"""u8));
        Assert.Null(LastCheckpoint.TryParse("""{"size":1}"""u8));
    }
}
