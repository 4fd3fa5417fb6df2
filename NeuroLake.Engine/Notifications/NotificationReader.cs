namespace NeuroLake.Engine.Notifications;

/// <summary>
/// Who is reading notifications: a user sees those addressed to them; an administrator also sees every job failure.
/// Read state is always the reader's own.
/// </summary>
public sealed record NotificationReader(string User, bool IsAdmin);
