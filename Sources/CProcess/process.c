#define _GNU_SOURCE
#include "CProcess.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

int reel_spawn(const char *path, char *const argv[], int stdin_fd, int stdout_fd, int stderr_fd, pid_t *pid) {
  // A pipe reports an exec failure: the child writes errno into it, exec closes it.
  int report[2];
  if (pipe2(report, O_CLOEXEC) != 0) return errno;
  pid_t parent = getpid();
  pid_t child = fork();
  if (child < 0) {
    int error = errno;
    close(report[0]);
    close(report[1]);
    return error;
  }
  if (child == 0) {
    // Only async-signal-safe calls from here to exec.
    setpgid(0, 0);
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) _exit(127);  // the parent died before prctl took effect
    for (int signal = 1; signal < NSIG; signal++) {
      if (signal != SIGKILL && signal != SIGSTOP) {
        struct sigaction action = {0};
        action.sa_handler = SIG_DFL;
        sigaction(signal, &action, NULL);
      }
    }
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    if (dup2(stdin_fd, 0) < 0 || dup2(stdout_fd, 1) < 0 || dup2(stderr_fd, 2) < 0) {
      int error = errno;
      (void)write(report[1], &error, sizeof error);
      _exit(127);
    }
    execv(path, argv);
    int error = errno;
    (void)write(report[1], &error, sizeof error);
    _exit(127);
  }
  close(report[1]);
  int error = 0;
  ssize_t count;
  do {
    count = read(report[0], &error, sizeof error);
  } while (count < 0 && errno == EINTR);
  close(report[0]);
  if (count == (ssize_t)sizeof error) {
    int status;
    while (waitpid(child, &status, 0) < 0 && errno == EINTR) {}
    return error;
  }
  // The parent also sets the group, so it exists whichever of the two runs first.
  setpgid(child, child);
  *pid = child;
  return 0;
}

int reel_pipe(int fds[2]) { return pipe2(fds, O_CLOEXEC); }

int reel_rename_exchange(const char *a, const char *b) {
  return (int)syscall(SYS_renameat2, AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE);
}

long reel_vmsplice(int fd, const void *base, unsigned long length) {
  struct iovec piece = {(void *)base, length};
  return (long)vmsplice(fd, &piece, 1, SPLICE_F_NONBLOCK);
}

int reel_resize_pipe(int fd, int bytes) {
  fcntl(fd, F_SETPIPE_SZ, bytes);  // refused: the pipe keeps its size
  return fcntl(fd, F_GETPIPE_SZ);
}
