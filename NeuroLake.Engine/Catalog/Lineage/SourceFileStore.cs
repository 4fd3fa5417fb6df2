using Microsoft.EntityFrameworkCore;
using NeuroLake.Engine.Catalog.Model;

namespace NeuroLake.Engine.Catalog.Lineage;

/// <summary>The files loaded into each table: lineage edges whose source is a file, not a catalog table.</summary>
public sealed class SourceFileStore
{
    private readonly IDbContextFactory<CatalogDbContext> _factory;

    internal SourceFileStore(IDbContextFactory<CatalogDbContext> factory) => _factory = factory;

    /// <summary>Records that <paramref name="file"/> was loaded into <paramref name="table"/>; an unknown table throws.</summary>
    public async Task RecordAsync(SecurablePath table, SourceFileLineage file, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(file.FileName) || file.FileName.Length > SourceFilesModel.FileNameMaxLength)
        {
            CatalogThrow.Invalid($"A source file name must have 1 to {SourceFilesModel.FileNameMaxLength} characters: '{file.FileName}' has {file.FileName?.Length ?? 0}.");
        }

        if (file.Sha256.Length != 64 || !file.Sha256.All(char.IsAsciiHexDigitLower))
        {
            CatalogThrow.Invalid($"'{file.Sha256}' is not a SHA-256: give 64 lowercase hex digits.");
        }

        await using var db = await _factory.CreateDbContextAsync(cancellationToken);
        var tableId = await CatalogLookup.TableIdAsync(db, table, cancellationToken);
        db.Add(new SourceFileRecord
        {
            TableId = tableId,
            FileName = file.FileName,
            Size = file.Size,
            Sha256 = file.Sha256,
            IngestedAt = file.IngestedAt,
            TableVersion = file.TableVersion,
            ProducerId = file.ProducerId,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The files loaded into <paramref name="table"/>, newest load first; an unknown table throws.</summary>
    public async Task<IReadOnlyList<SourceFileLineage>> ForTableAsync(SecurablePath table, CancellationToken cancellationToken = default)
    {
        await using var db = await _factory.CreateDbContextAsync(cancellationToken);
        var tableId = await CatalogLookup.TableIdAsync(db, table, cancellationToken);
        var rows = await db.Set<SourceFileRecord>().AsNoTracking().Where(f => f.TableId == tableId).ToListAsync(cancellationToken);
        return rows
            .OrderByDescending(f => f.IngestedAt).ThenByDescending(f => f.TableVersion)
            .Select(f => new SourceFileLineage(f.FileName, f.Size, f.Sha256, f.IngestedAt, f.TableVersion, f.ProducerId))
            .ToList();
    }
}
