# The part of illumos resume() (illumos-gate usr/src/uts/intel/ml/swtch.S)
# that mutex.c's protocol depends on, as the scenario's thread-switch
# routine (`switch: resume`): set t_cpu and CPU_THREAD with plain stores,
# then mfence, "synchronize with mutex_exit()" (requirement (2) of the Big
# Theory Statement). The thread's t_lock dispatcher lock is left out: the
# kernel model does the run queues.
#   %rdi = outgoing thread (0: idle), %rsi = incoming (0: idle), %rdx = this CPU
        .equ CPU_THREAD, 0
        .equ T_CPU, 8
        .text
        .globl resume
resume:
        testq %rsi, %rsi
        jz 1f
        movq %rdx, T_CPU(%rsi)          # incoming->t_cpu = this CPU
1:      movq %rsi, CPU_THREAD(%rdx)     # CPU_THREAD = incoming: a plain store
        mfence                          # StoreLoad: the (2M)1 store before (2M)2's load
        ret
