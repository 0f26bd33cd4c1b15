#ifndef REEL_CPROCESS_H
#define REEL_CPROCESS_H

#include <sys/types.h>

/// Starts `path` with `argv` (NULL-terminated) in a new process group of its own, with
/// `stdin_fd`, `stdout_fd` and `stderr_fd` as its standard streams, every signal at its
/// default disposition and unblocked, and SIGKILL delivered to it should the calling
/// thread's process die first. Returns 0 and the child's pid in `pid`, or an errno value.
int reel_spawn(const char *path, char *const argv[], int stdin_fd, int stdout_fd, int stderr_fd, pid_t *pid);

/// A pipe whose two ends close on exec (pipe2 with O_CLOEXEC). Returns 0, or -1 with errno.
int reel_pipe(int fds[2]);

/// Atomically swaps two paths (Linux renameat2 with RENAME_EXCHANGE). Returns 0, or -1
/// with errno set (EINVAL where the file system cannot exchange).
int reel_rename_exchange(const char *a, const char *b);

/// Hands `length` bytes at `base` to the pipe `fd` by reference (vmsplice, non-blocking):
/// the reader gets these very pages, so they must not change until it has read them.
/// Returns the bytes handed over, or -1 with errno set (EAGAIN when the pipe is full).
long reel_vmsplice(int fd, const void *base, unsigned long length);

/// Asks for the pipe `fd` to hold `bytes` (F_SETPIPE_SZ; unprivileged processes get at
/// most /proc/sys/fs/pipe-max-size) and returns the capacity it then has (F_GETPIPE_SZ),
/// or -1 with errno set.
int reel_resize_pipe(int fd, int bytes);

#endif
