# The part of illumos resume() (illumos-gate usr/src/uts/intel/ml/swtch.S)
# that mutex.c's protocol depends on, as the scenario's thread-switch
# routine (`switch: resume_nomfence`): set t_cpu and CPU_THREAD with plain
# stores, WITHOUT the mfence that follows them in illumos. Requirement (2)
# of the Big Theory Statement is broken: the R3 race. Not a real illumos
# routine.
#   %rdi = outgoing thread (0: idle), %rsi = incoming (0: idle), %rdx = this CPU
        .equ CPU_THREAD, 0
        .equ T_CPU, 8
        .text
        .globl resume_nomfence
resume_nomfence:
        testq %rsi, %rsi
        jz 1f
        movq %rdx, T_CPU(%rsi)          # incoming->t_cpu = this CPU
1:      movq %rsi, CPU_THREAD(%rdx)     # CPU_THREAD = incoming: a plain store
        ret
