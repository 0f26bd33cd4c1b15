/// Reel's version, shown by `render --version` and part of every cached output's key.
public enum ReelVersion {
  public static let current = "0.15.0"
}
