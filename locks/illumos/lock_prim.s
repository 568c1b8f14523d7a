# illumos adaptive-mutex fast paths and byte spin locks, amd64, from
# illumos-gate usr/src/uts/intel/ml/lock_prim.S (2009 and later text; the
# same sequences as the older intel/ia32/ml/lock_prim.s).
#
# Mutex word m_owner (8 bytes): 0 free; the owner's kthread_t pointer; | 1
# (MUTEX_WAITERS) when waiters may sleep. curthread is %gs:CPU_THREAD, the
# thread pointer at offset 0 of the CPU's area; a thread's t_cpu is at
# offset 8 of its thread structure (the kernel model's layout).
        .equ CPU_THREAD, 0
        .equ T_CPU, 8
        .equ MUTEX_THREAD, -8
        .text

# mutex_enter(%rdi = lp). LOCK'd: the cmpxchgq 0 -> curthread. Anything else
# (held, waiters bit) goes to the C slow path, mutex_vector_enter.
        .globl mutex_enter
mutex_enter:
        movq %gs:CPU_THREAD, %rdx
        xorl %eax, %eax
        lock cmpxchgq %rdx, (%rdi)
        jnz mutex_vector_enter
        ret

# mutex_adaptive_tryenter(%rdi = lp) -> %eax nonzero if taken. LOCK'd: the
# cmpxchgq. Called by the slow path when it sees the lock free.
        .globl mutex_adaptive_tryenter
mutex_adaptive_tryenter:
        movq %gs:CPU_THREAD, %rdx
        xorl %eax, %eax
        lock cmpxchgq %rdx, (%rdi)
        jnz 1f
        notl %eax
        ret
1:      xorl %eax, %eax
        ret

# mutex_owner_running(%rdi = lp) -> %rax = the owner's cpu_t if the owner is
# the thread that CPU runs, else 0. No LOCK, no fence: plain loads. Its
# critical range is a restart range (sys_rtt_common): the owner's thread
# structure may be freed while a preempted caller holds its pointer.
        .globl mutex_owner_running
        .globl mutex_owner_running_critical_start
        .globl mutex_owner_running_critical_end
mutex_owner_running:
mutex_owner_running_critical_start:
        movq (%rdi), %r11               # m_owner
        andq $MUTEX_THREAD, %r11        # strip the waiters bit
        cmpq $0, %r11
        je 1f
        movq T_CPU(%r11), %r8           # owner->t_cpu
        movq CPU_THREAD(%r8), %r9       # t_cpu->cpu_thread
mutex_owner_running_critical_end:
        cmpq %r11, %r9
        je 2f
1:      xorq %rax, %rax
        ret
2:      movq %r8, %rax
        ret

# lock_set(%rdi = lp): take a byte spin lock (0 free, 0xff held). LOCK'd:
# the xchgb (implicitly). On a miss, lock_set_spin: test-and-test-and-set
# whose test is a plain byte load (mutex.c's C loop, without its backoff).
        .globl lock_set
lock_set:
        movb $-1, %dl
        xchgb %dl, (%rdi)
        testb %dl, %dl
        jnz lock_set_spin
        ret
lock_set_spin:
1:      pause
        cmpb $0, (%rdi)
        jne 1b
        movb $-1, %dl
        xchgb %dl, (%rdi)
        testb %dl, %dl
        jnz 1b
        ret

# lock_clear(%rdi = lp): release a byte spin lock. Plain movb: no LOCK.
        .globl lock_clear
lock_clear:
        movb $0, (%rdi)
        ret
