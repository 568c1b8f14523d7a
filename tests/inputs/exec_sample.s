# A routine mixing most instruction families, run natively and through
# `locksim exec` by exec_native_test; its data labels are global so the
# native side can find them.
        .data
        .globl counter, words, flagword, result
        .p2align 4
counter:  .quad 0
words:    .quad 0x0123456789abcdef, -2, 7, 0x8000000000000000
flagword: .long 0x0f0f0f0f
          .long 0
result:   .quad 0
        .text
        .globl sample
sample:
        push %rbx
        lea words(%rip), %r8
        xor %ecx, %ecx
1:      mov (%r8,%rcx,8), %rax
        imul %rdi, %rax
        xor %rax, result(%rip)
        lock xaddq %rax, counter(%rip)
        inc %ecx
        cmp $4, %ecx
        jb 1b
        mov %rsi, %rax
        cqto
        mov $7, %ebx
        idiv %rbx
        lock btsl $5, flagword(%rip)
        btr %rsi, flagword(%rip)
        mov %rdi, %rax
        mov counter(%rip), %rdx
        lock cmpxchg %rsi, counter(%rip)
        setz %bl
        movzbl %bl, %r9d
        rol $13, %rdx
        sar %cl, %rdx
        movsbq flagword+1(%rip), %r10
        adc %r10, %rdx
        mov $0, %r8d
        pop %rbx
        ret
        .section .note.GNU-stack,"",@progbits
