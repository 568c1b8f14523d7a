# The scheduler calls the Linux semaphore and wait-queue files sleep and
# wake with, on the kernel model (kernel/sched.c of the v2.6.2x-v3.x era,
# reduced to what the sleep/wake handshake needs). task->state is a 32-bit
# word at offset 16 of the thread structure (scenario key thread_bytes: 8):
# TASK_RUNNING 0, TASK_UNINTERRUPTIBLE 2. A sleeper sets its own state and
# then calls schedule(); a waker sets the state back to TASK_RUNNING and
# wakes it. schedule() is __futex_wait on the state word: it puts the
# caller to sleep only if the state still says TASK_UNINTERRUPTIBLE, in one
# atomic step, which is what the runqueue lock gives schedule() against
# try_to_wake_up: a wake-up that came first makes schedule() return at once.
        .equ TASK_STATE, 16
        .equ TASK_RUNNING, 0
        .equ TASK_UNINTERRUPTIBLE, 2
        .equ TASK_NORMAL, 3              # TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE
        .text

# schedule(): sleep until woken, if our state is still a sleeping one.
        .globl schedule
schedule:
        pushq %rdi
        pushq %rsi
        movq %gs:0, %rdi                 # current
        leaq TASK_STATE(%rdi), %rdi
        movl $TASK_UNINTERRUPTIBLE, %esi
        call __futex_wait                # full barrier; sleeps iff state == 2
        popq %rsi
        popq %rdi
        ret

# try_to_wake_up(%rdi = task) -> %eax = 1 if it was sleeping (or about to)
# and is now TASK_RUNNING, 0 if it already ran. The real one holds the
# task's pi_lock and the runqueue lock (LOCK'd); here the store of
# TASK_RUNNING is followed by __futex_wake, a full barrier, so the state
# is in memory before the sleeper can be picked.
        .globl try_to_wake_up
        .globl wake_up_process
wake_up_process:
try_to_wake_up:
        pushq %rsi
        pushq %rdi
        testl $TASK_NORMAL, TASK_STATE(%rdi)
        jz 1f                            # already running: nothing to do
        movl $TASK_RUNNING, TASK_STATE(%rdi)
        leaq TASK_STATE(%rdi), %rdi
        movl $1, %esi
        call __futex_wake
        movl $1, %eax
        jmp 2f
1:      xorl %eax, %eax
2:      popq %rdi
        popq %rsi
        ret
