# Linux count-based mutex, x86-64, v4.1 to v4.9 text (the count mutex was
# replaced by an atomic owner word in v4.10): the fast path of
# arch/x86/include/asm/mutex_64.h with mutex_lock/mutex_set_owner from
# kernel/locking/mutex.c, and that file's slow paths __mutex_lock_common
# (with mutex_optimistic_spin, mutex_can_spin_on_owner,
# mutex_spin_on_owner, mutex_try_to_acquire) and
# __mutex_unlock_common_slowpath, in assembly as a compiler would lay out
# the C, without lockdep, debug checks, ww_mutex and signals
# (TASK_UNINTERRUPTIBLE). mutex_unlock's fast path is in mutex_unlock.s so
# that the plain-store counterfactual (mutex_unlock_plain.s) is one file
# away; the osq is in osq_lock.s; wait_lock is the ticket spinlock of
# locks/linux_ticket.s (v4.x x86 uses a qspinlock there: same role).
#
# struct mutex (one 64-byte line):
#   +0  count (atomic_t): 1 free; 0 held; negative: held, waiters may sleep
#   +4  wait_lock (16-bit ticket lock) protecting wait_list
#   +8  wait_list: list_head {next, prev}, circular, empty = points to itself
#   +24 owner: task pointer, plain stores, read by spinners only
#   +32 osq: tail of the optimistic spinners' MCS queue (osq_lock.s)
# A task is the kernel model's thread structure (%gs:0); owner->on_cpu is
# "owner's CPU area (+8) currently runs owner (+0)".
#
# struct mutex_waiter, on the sleeping task's stack:
#   +0 list.next, +8 list.prev, +16 task, +24 sleeping (32 bits)
# `sleeping` stands for the task state: set_task_state(UNINTERRUPTIBLE)
# stores 1 and schedule() is __futex_wait(&sleeping, 1);
# wake_up_process() stores 0 and calls __futex_wake(&sleeping, 1). Both
# happen under wait_lock, so a wake-up between the waiter's unlock and its
# sleep makes the futex_wait return at once, as TASK_RUNNING makes
# schedule() return.
#
# LOCK'd: the fast path's decl, the slow path's xchgl (count to 0 once,
# then to -1 in the loop), the spinners' cmpxchgl 1 -> 0, the ticket
# lock's xaddw, the osq's xchgq/cmpxchgq. Plain: the owner stores, the
# state stores, the list updates, the "no waiters left" count = 0 and the
# unlock slow path's count = 1, the ticket unlock.
        .equ COUNT, 0
        .equ WAIT_LOCK, 4
        .equ WAIT_LIST, 8
        .equ OWNER, 24
        .equ OSQ, 32
        .equ W_NEXT, 0
        .equ W_PREV, 8
        .equ W_TASK, 16
        .equ W_SLEEPING, 24
        .equ W_SIZE, 64
        .equ CPU_THREAD, 0
        .equ T_CPU, 8
        .text

# mutex_lock(%rdi = lock). LOCK'd: the decl (1 -> 0 is the only transition
# that takes the lock here). mutex.c records the owner after either path;
# the slow path has recorded it already (under wait_lock or before
# osq_unlock), so here it is stored only after the fast path: the second,
# identical store is left out.
        .globl mutex_lock
mutex_lock:
        lock decl COUNT(%rdi)
        js __mutex_lock_slowpath        # tail call
        movq %gs:CPU_THREAD, %rax
        movq %rax, OWNER(%rdi)          # mutex_set_owner: plain
        ret

# owner_on_cpu(%rdi = task) -> %eax = 1 if the task runs now (task->on_cpu).
# Clobbers only %rax. Thread structures are never freed in the model, so
# the RCU read side of mutex_spin_on_owner has nothing to protect.
        .globl owner_on_cpu
owner_on_cpu:
        movq T_CPU(%rdi), %rax          # the CPU it runs or last ran on
        cmpq %rdi, CPU_THREAD(%rax)     # does that CPU run it now?
        sete %al
        movzbl %al, %eax
        ret

# mutex_optimistic_spin(%rdi = lock) -> %eax = 1 if it took the lock.
# Spin only while the owner runs: a running owner is likely to release
# soon, one that is off its CPU is not, and then sleeping is cheaper. At
# most one spinner (the osq's head) looks at the lock at a time. No
# need_resched() in the model: a spinner leaves only when the owner is
# seen off its CPU (a NULL owner, between an acquire and its owner store,
# is spun on, as a non-RT task does).
        .globl mutex_optimistic_spin
mutex_optimistic_spin:
        pushq %rbx
        pushq %r12
        movq %rdi, %rbx
        movq OWNER(%rbx), %rdi          # mutex_can_spin_on_owner
        testq %rdi, %rdi
        jz 1f                           # no owner recorded: may spin
        call owner_on_cpu
        testl %eax, %eax
        jz .Lno_spin
1:      leaq OSQ(%rbx), %rdi
        call osq_lock                   # queue behind earlier spinners
.Lspin:
        movq OWNER(%rbx), %r12          # owner = READ_ONCE(lock->owner)
        testq %r12, %r12
        jz .Ltry
.Lon_owner:                             # mutex_spin_on_owner(lock, owner)
        cmpq %r12, OWNER(%rbx)
        jne .Ltry                       # owner changed: try for it
        movq %r12, %rdi
        call owner_on_cpu
        testl %eax, %eax
        jz .Lstop                       # owner off its CPU: go and sleep
        pause
        jmp .Lon_owner
.Ltry:                                  # mutex_try_to_acquire
        cmpl $1, COUNT(%rbx)            # only when it looks free
        jne .Lrelax
        movl $1, %eax
        xorl %edx, %edx
        lock cmpxchgl %edx, COUNT(%rbx) # 1 -> 0
        jne .Lrelax
        movq %gs:CPU_THREAD, %rax
        movq %rax, OWNER(%rbx)          # mutex_set_owner
        leaq OSQ(%rbx), %rdi
        call osq_unlock
        movl $1, %eax
        jmp .Lspin_out
.Lrelax:
        pause                           # cpu_relax
        jmp .Lspin
.Lstop:
        leaq OSQ(%rbx), %rdi
        call osq_unlock
.Lno_spin:
        xorl %eax, %eax
.Lspin_out:
        popq %r12
        popq %rbx
        ret

# __mutex_lock_slowpath(%rdi = lock): __mutex_lock_common. Preserves
# %rbx, %r12, %rbp (callee-saved). The waiter node lives in this frame, on
# a 64-byte line of its own (an over-aligned local), so that the wakers'
# accesses to it share no line with the frame's saved registers and
# return addresses, which then stay private to the waiter.
        .globl __mutex_lock_slowpath
__mutex_lock_slowpath:
        pushq %rbp
        movq %rsp, %rbp
        pushq %rbx
        pushq %r12
        subq $W_SIZE, %rsp
        andq $-64, %rsp
        movq %rdi, %rbx
        movq %gs:CPU_THREAD, %r12       # current
        call mutex_optimistic_spin
        testl %eax, %eax
        jnz .Lout
        leaq WAIT_LOCK(%rbx), %rdi
        call ticket_spin_lock
        cmpl $1, COUNT(%rbx)            # once more, if it looks free:
        jne .Lqueue
        xorl %eax, %eax
        xchgl %eax, COUNT(%rbx)         # 1 -> 0 (nobody queued behind us)
        cmpl $1, %eax
        je .Lskip_wait
.Lqueue:                                # list_add_tail(&waiter.list, &wait_list)
        leaq WAIT_LIST(%rbx), %rcx      # head
        movq W_PREV(%rcx), %rdx         # the last waiter (or head)
        movq %rcx, W_NEXT(%rsp)
        movq %rdx, W_PREV(%rsp)
        movq %rsp, W_NEXT(%rdx)
        movq %rsp, W_PREV(%rcx)
        movq %r12, W_TASK(%rsp)         # waiter.task = current
.Lwait_loop:
        cmpl $0, COUNT(%rbx)            # skip the xchg while it is negative
        js .Lsleep
        movl $-1, %eax
        xchgl %eax, COUNT(%rbx)         # take it, and mark it contended
        cmpl $1, %eax                   # even on the first pass: whoever
        je .Lacquired                   # unlocks now sees -1 and wakes us
.Lsleep:
        movl $1, W_SLEEPING(%rsp)       # __set_task_state(UNINTERRUPTIBLE)
        leaq WAIT_LOCK(%rbx), %rdi
        call ticket_spin_unlock
        leaq W_SLEEPING(%rsp), %rdi
        movl $1, %esi
        call __futex_wait               # schedule(): sleeps unless woken already
        leaq WAIT_LOCK(%rbx), %rdi
        call ticket_spin_lock
        jmp .Lwait_loop
.Lacquired:                             # mutex_remove_waiter: list_del
        movq W_NEXT(%rsp), %rcx
        movq W_PREV(%rsp), %rdx
        movq %rdx, W_PREV(%rcx)
        movq %rcx, W_NEXT(%rdx)
        leaq WAIT_LIST(%rbx), %rcx
        cmpq %rcx, W_NEXT(%rcx)         # list_empty: drop the -1 mark
        jne .Lskip_wait
        movl $0, COUNT(%rbx)            # atomic_set(count, 0): plain
.Lskip_wait:
        movq %r12, OWNER(%rbx)          # mutex_set_owner
        leaq WAIT_LOCK(%rbx), %rdi
        call ticket_spin_unlock
.Lout:
        leaq -16(%rbp), %rsp
        popq %r12
        popq %rbx
        popq %rbp
        ret

# __mutex_unlock_slowpath(%rdi = lock): __mutex_unlock_common_slowpath
# (v4.1+ order). The failed incl left the count 0 or negative, so the
# release proper is the plain store of 1 (x86 needs_to_unlock), done
# before wait_lock so that spinners and the fast path can take the lock at
# once; then wake the first waiter under wait_lock, which keeps its node
# alive until the wake-up is done.
        .globl __mutex_unlock_slowpath
__mutex_unlock_slowpath:
        pushq %rbx
        movq %rdi, %rbx
        movl $1, COUNT(%rbx)            # atomic_set(count, 1): plain
        leaq WAIT_LOCK(%rbx), %rdi
        call ticket_spin_lock
        leaq WAIT_LIST(%rbx), %rcx
        movq W_NEXT(%rcx), %rdi         # the first waiter
        cmpq %rcx, %rdi
        je 1f                           # list_empty
        movl $0, W_SLEEPING(%rdi)       # wake_up_process: TASK_RUNNING ...
        leaq W_SLEEPING(%rdi), %rdi
        movl $1, %esi
        call __futex_wake               # ... and off the run queue's sleepers
1:      leaq WAIT_LOCK(%rbx), %rdi
        call ticket_spin_unlock
        popq %rbx
        ret
