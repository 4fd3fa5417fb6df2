using NeuroLake.Engine.Ingestion.Schema;

namespace NeuroLake.Tests.Ingestion;

public sealed class ColumnNameCleanerTests
{
    [Fact]
    public void Names_become_lower_snake_case_identifiers()
    {
        var cleaned = ColumnNameCleaner.Clean(["Cost Total $", "Speed IAS in knots", "unMember", "HTTPStatus", "  padded  "]);
        Assert.Equal(["cost_total", "speed_ias_in_knots", "un_member", "http_status", "padded"], cleaned);
    }

    [Fact]
    public void Duplicates_get_numbered_suffixes_and_empties_get_their_position()
    {
        var cleaned = ColumnNameCleaner.Clean(["id", "ID", "", "id", "$$$", "id_2"]);
        Assert.Equal(["id", "id_2", "column_3", "id_3", "column_5", "id_2_2"], cleaned);
    }

    [Fact]
    public void Leading_digits_are_prefixed_and_accents_folded()
    {
        var cleaned = ColumnNameCleaner.Clean(["2019 sales", "Café Größe", "日本"]);
        Assert.Equal("c_2019_sales", cleaned[0]);
        Assert.Equal("cafe_grosse", cleaned[1]);
        Assert.Equal("column_3", cleaned[2]);
        Assert.All(cleaned, name => Assert.Matches("^[A-Za-z_][A-Za-z0-9_]*$", name));
    }
}
