using Microsoft.EntityFrameworkCore;
using NeuroLake.Engine.Catalog;
using NeuroLake.Engine.Catalog.Model;
using NeuroLake.Engine.Jobs;

namespace NeuroLake.Engine.Notifications;

/// <summary>
/// In-app notifications in the catalog. Every read and change is on behalf of a <see cref="NotificationReader"/>: a
/// notification the reader may not see answers exactly like one that does not exist. Retention is the job history's
/// (<see cref="JobRunStore.PruneAsync"/> removes a run's notifications with it).
/// </summary>
public sealed class NotificationStore
{
    private readonly IDbContextFactory<CatalogDbContext> _factory;
    private readonly TimeProvider _time;

    internal NotificationStore(IDbContextFactory<CatalogDbContext> factory, TimeProvider time)
    {
        _factory = factory;
        _time = time;
    }

    /// <summary>Records that <paramref name="run"/> failed, for <paramref name="recipient"/> (and every administrator).</summary>
    public async Task<Guid> AddJobFailureAsync(JobRun run, string jobName, string recipient, CancellationToken ct = default)
    {
        var record = new NotificationRecord
        {
            Id = Guid.NewGuid(),
            Kind = NotificationKind.JobFailed,
            Recipient = recipient,
            JobName = jobName.Length <= JobsModel.NameMaxLength ? jobName : jobName[..JobsModel.NameMaxLength],
            JobKind = run.Kind,
            TablePath = run.Table?.TablePath.ToString(),
            RunId = run.Id,
            DefinitionId = run.DefinitionId,
            Error = run.Error ?? "The run failed without saying why.",
            CreatedAt = run.FinishedAt ?? _time.GetUtcNow(),
        };
        await using var db = await _factory.CreateDbContextAsync(ct);
        db.Notifications.Add(record);
        await db.SaveChangesAsync(ct);
        return record.Id;
    }

    /// <summary>The reader's notifications, newest first; only unread ones when <paramref name="unreadOnly"/>.</summary>
    public async Task<NotificationPage> ListAsync(NotificationReader reader, bool unreadOnly = false, int skip = 0, int take = 20, CancellationToken ct = default)
    {
        if (skip < 0 || take is < 1 or > 200)
        {
            throw new NotificationException("Page with skip ≥ 0 and take between 1 and 200.");
        }

        await using var db = await _factory.CreateDbContextAsync(ct);
        var visible = Visible(db, reader);
        var unread = Unread(db, visible, reader);
        var rows = unreadOnly ? unread : visible;
        var total = await rows.CountAsync(ct);
        var unreadCount = unreadOnly ? total : await unread.CountAsync(ct);
        var page = await WithReadState(db, rows.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Skip(skip).Take(take), reader)
            .ToListAsync(ct);
        return new NotificationPage(page.Select(p => ToNotification(p.Record, p.IsRead)).ToList(), total, unreadCount);
    }

    /// <summary>One notification, or null when it does not exist or is not the reader's to see.</summary>
    public async Task<Notification?> FindAsync(NotificationReader reader, Guid id, CancellationToken ct = default)
    {
        await using var db = await _factory.CreateDbContextAsync(ct);
        var found = await WithReadState(db, Visible(db, reader).Where(n => n.Id == id), reader).FirstOrDefaultAsync(ct);
        return found is null ? null : ToNotification(found.Record, found.IsRead);
    }

    public async Task<int> UnreadCountAsync(NotificationReader reader, CancellationToken ct = default)
    {
        await using var db = await _factory.CreateDbContextAsync(ct);
        return await Unread(db, Visible(db, reader), reader).CountAsync(ct);
    }

    /// <summary>Marks one notification read for the reader; false when it is not theirs to see (or does not exist).</summary>
    public async Task<bool> MarkReadAsync(NotificationReader reader, Guid id, CancellationToken ct = default)
    {
        await using var db = await _factory.CreateDbContextAsync(ct);
        if (!await Visible(db, reader).AnyAsync(n => n.Id == id, ct))
        {
            return false;
        }

        if (!await db.NotificationReads.AnyAsync(r => r.NotificationId == id && r.UserName == reader.User, ct))
        {
            db.NotificationReads.Add(new NotificationReadRecord { NotificationId = id, UserName = reader.User, ReadAt = _time.GetUtcNow() });
            await SaveIgnoringRaceAsync(db, ct);
        }

        return true;
    }

    /// <summary>Marks every notification the reader sees as read; returns how many were unread.</summary>
    public async Task<int> MarkAllReadAsync(NotificationReader reader, CancellationToken ct = default)
    {
        await using var db = await _factory.CreateDbContextAsync(ct);
        var ids = await Unread(db, Visible(db, reader), reader).Select(n => n.Id).ToListAsync(ct);
        var now = _time.GetUtcNow();
        db.NotificationReads.AddRange(ids.Select(id => new NotificationReadRecord { NotificationId = id, UserName = reader.User, ReadAt = now }));
        await SaveIgnoringRaceAsync(db, ct);
        return ids.Count;
    }

    /// <summary>Notes on a notification that announcing it elsewhere failed (shown with it). Gone with retention: nothing to note.</summary>
    public async Task NoteDeliveryAsync(Guid id, string note, CancellationToken ct = default)
    {
        var clipped = note.Length <= NotificationsModel.NoteMaxLength ? note : note[..NotificationsModel.NoteMaxLength];
        await using var db = await _factory.CreateDbContextAsync(ct);
        await db.Notifications.Where(n => n.Id == id).ExecuteUpdateAsync(s => s.SetProperty(n => n.DeliveryNote, clipped), ct);
    }

    private static IQueryable<NotificationRecord> Visible(CatalogDbContext db, NotificationReader reader)
    {
        if (string.IsNullOrEmpty(reader.User))
        {
            throw new NotificationException("Notifications are for a signed-in user.");
        }

        var user = reader.User;
        var rows = db.Notifications.AsNoTracking();
        return reader.IsAdmin
            ? rows.Where(n => n.Recipient == user || n.Kind == NotificationKind.JobFailed)
            : rows.Where(n => n.Recipient == user);
    }

    private static IQueryable<NotificationRecord> Unread(CatalogDbContext db, IQueryable<NotificationRecord> rows, NotificationReader reader)
    {
        var user = reader.User;
        return rows.Where(n => !db.NotificationReads.Any(r => r.NotificationId == n.Id && r.UserName == user));
    }

    private static IQueryable<WithRead> WithReadState(CatalogDbContext db, IQueryable<NotificationRecord> rows, NotificationReader reader)
    {
        var user = reader.User;
        return rows.Select(n => new WithRead(n, db.NotificationReads.Any(r => r.NotificationId == n.Id && r.UserName == user)));
    }

    // Two tabs marking the same notification at once both mean "read": the loser's duplicate key is no error.
    private static async Task SaveIgnoringRaceAsync(CatalogDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
        }
    }

    private static Notification ToNotification(NotificationRecord r, bool isRead) => new(
        r.Id, r.Kind, r.Recipient, r.JobName, r.JobKind, r.TablePath is null ? null : SecurablePath.Parse(r.TablePath), r.RunId, r.DefinitionId,
        r.Error, r.CreatedAt, r.DeliveryNote, isRead);

    private sealed record WithRead(NotificationRecord Record, bool IsRead);
}
