# A broken illumos mutex_exit for the minimality claim of mutex.c's Big
# Theory Statement: (2M)2 and (2M)3 swapped. The owner clears the lock
# first and only then loads the waiters bit. Not a real illumos routine.
        .equ CPU_THREAD, 0
        .text

        .globl mutex_exit
        .globl mutex_exit_critical_start
        .globl mutex_exit_critical_end
mutex_exit:
mutex_exit_critical_start:
        movq %gs:CPU_THREAD, %rdx
        movq $0, (%rdi)                 # (2M)3 first: the plain clear
mutex_exit_critical_end:
        testq $1, (%rdi)                # then (2M)2: the waiters bit
        jnz mutex_vector_exit
        ret
