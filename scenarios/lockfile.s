# Each thread takes a musl FILE lock (locks/musl/) %rsi times around a
# plain counter increment bracketed by the markers, as flockfile/funlockfile
# would.
        .data
        .p2align 6
        .globl flock
flock:  .long 0
        .p2align 6
        .globl counter
counter: .quad 0
        .text
        .globl lockfile_worker
lockfile_worker:
        pushq %rbx
        movq %rsi, %rbx
1:      leaq flock(%rip), %rdi
        call __lockfile
        leaq flock(%rip), %rdi
        call __cs_enter
        movq counter(%rip), %rax
        incq %rax
        movq %rax, counter(%rip)
        leaq flock(%rip), %rdi
        call __cs_exit
        leaq flock(%rip), %rdi
        call __unlockfile
        decq %rbx
        jnz 1b
        popq %rbx
        ret
