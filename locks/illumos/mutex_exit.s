# illumos mutex_exit, amd64, from illumos-gate usr/src/uts/intel/ml/lock_prim.S.
# No LOCK and no fence: a plain compare, then a plain movq $0 that clears
# the owner. Correct only with (1) the restart range below, which a
# scenario declares as `restart: [[mutex_exit_critical_start,
# mutex_exit_critical_end]]` (sys_rtt_common moves a preempted PC in the
# range back to its start, so a resumed owner re-reads the waiters bit),
# and (2) the StoreLoad barrier in resume (resume.s).
        .equ CPU_THREAD, 0
        .text

# mutex_exit(%rdi = lp). Anything but "owned by me, no waiters" goes to
# mutex_vector_exit. The range ends after the clearing store: a thread
# preempted before it restarts; one preempted after it has released.
        .globl mutex_exit
        .globl mutex_exit_critical_start
        .globl mutex_exit_critical_end
mutex_exit:
mutex_exit_critical_start:
        movq %gs:CPU_THREAD, %rdx
        cmpq %rdx, (%rdi)               # plain load of m_owner: (2M)2
        jne mutex_vector_exit
        movq $0, (%rdi)                 # PLAIN store: clear owner and lock, (2M)3
mutex_exit_critical_end:
        ret
