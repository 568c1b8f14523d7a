# A broken mutex_vector_recheck (see mutex_recheck.s): no steps (3)2-(3)5,
# so the waiter blocks right after setting the waiters bit, without looking
# at CPU_THREAD again. Race R1b. Not a real illumos routine.
        .text
        .globl mutex_vector_recheck
mutex_vector_recheck:
        movl $1, %eax
        ret
