using NeuroLake.Engine.Errors;

namespace NeuroLake.Engine.Notifications;

/// <summary>A notification request a user got wrong (a bad page); the message says how to fix it.</summary>
public sealed class NotificationException(string message) : NeuroLakeException(message);
