# Snippets run both natively (compiled into the test binary) and by locksim.
# Each test label's comment says which flags the manuals define afterwards
# (flags=...; or kind=shift/rotate with the count, which decides it) and
# which input constraint keeps the CPU from faulting (fixup=...).
        .equ K_TWO, 2
        .set K_NEG, -K_TWO - 1
        .text
        .globl t_add_rr_1
t_add_rr_1:  # flags=all
        add %bl, %al
        ret

        .globl t_addb_rr2_1
t_addb_rr2_1:  # flags=all
        addb %r11b, %r12b
        ret

        .globl t_add_imm0_1
t_add_imm0_1:  # flags=all
        addb $0x7f, %cl
        ret

        .globl t_add_imm1_1
t_add_imm1_1:  # flags=all
        addb $0x80, %cl
        ret

        .globl t_add_imm2_1
t_add_imm2_1:  # flags=all
        addb $0xff, %cl
        ret

        .globl t_add_rm_1
t_add_rm_1:  # flags=all
        add %dl, m1(%rip)
        ret

        .globl t_add_mr_1
t_add_mr_1:  # flags=all
        add m2(%rip), %sil
        ret

        .globl t_add_im_1
t_add_im_1:  # flags=all
        addb $0x80, m3(%rip)
        ret

        .globl t_add_rr_2
t_add_rr_2:  # flags=all
        add %bx, %ax
        ret

        .globl t_addw_rr2_2
t_addw_rr2_2:  # flags=all
        addw %r10w, %r15w
        ret

        .globl t_add_imm0_2
t_add_imm0_2:  # flags=all
        addw $0x7fff, %cx
        ret

        .globl t_add_imm1_2
t_add_imm1_2:  # flags=all
        addw $0x8000, %cx
        ret

        .globl t_add_imm2_2
t_add_imm2_2:  # flags=all
        addw $-2, %cx
        ret

        .globl t_add_rm_2
t_add_rm_2:  # flags=all
        add %dx, m1(%rip)
        ret

        .globl t_add_mr_2
t_add_mr_2:  # flags=all
        add m2(%rip), %di
        ret

        .globl t_add_im_2
t_add_im_2:  # flags=all
        addw $0x8000, m3(%rip)
        ret

        .globl t_add_rr_4
t_add_rr_4:  # flags=all
        add %ebx, %eax
        ret

        .globl t_addl_rr2_4
t_addl_rr2_4:  # flags=all
        addl %r9d, %r14d
        ret

        .globl t_add_imm0_4
t_add_imm0_4:  # flags=all
        addl $0x7fffffff, %ecx
        ret

        .globl t_add_imm1_4
t_add_imm1_4:  # flags=all
        addl $0xffffffff, %ecx
        ret

        .globl t_add_imm2_4
t_add_imm2_4:  # flags=all
        addl $-0x80000000, %ecx
        ret

        .globl t_add_rm_4
t_add_rm_4:  # flags=all
        add %edx, m1(%rip)
        ret

        .globl t_add_mr_4
t_add_mr_4:  # flags=all
        add m2(%rip), %esi
        ret

        .globl t_add_im_4
t_add_im_4:  # flags=all
        addl $0xffffffff, m3(%rip)
        ret

        .globl t_add_rr_8
t_add_rr_8:  # flags=all
        add %rbx, %rax
        ret

        .globl t_addq_rr2_8
t_addq_rr2_8:  # flags=all
        addq %rdi, %r8
        ret

        .globl t_add_imm0_8
t_add_imm0_8:  # flags=all
        addq $0x7fffffff, %rcx
        ret

        .globl t_add_imm1_8
t_add_imm1_8:  # flags=all
        addq $-1, %rcx
        ret

        .globl t_add_imm2_8
t_add_imm2_8:  # flags=all
        addq $-0x80000000, %rcx
        ret

        .globl t_add_rm_8
t_add_rm_8:  # flags=all
        add %rdx, m1(%rip)
        ret

        .globl t_add_mr_8
t_add_mr_8:  # flags=all
        add m2(%rip), %rsi
        ret

        .globl t_add_im_8
t_add_im_8:  # flags=all
        addq $-1, m3(%rip)
        ret

        .globl t_lock_add_q
t_lock_add_q:  # flags=all
        lock addq %rbx, m0(%rip)
        ret

        .globl t_lock_add_l_prevline
t_lock_add_l_prevline:  # flags=all
        lock
        addl $0x12345, m1
        ret

        .globl t_adc_rr_1
t_adc_rr_1:  # flags=all
        adc %bl, %al
        ret

        .globl t_adcb_rr2_1
t_adcb_rr2_1:  # flags=all
        adcb %r11b, %r12b
        ret

        .globl t_adc_imm0_1
t_adc_imm0_1:  # flags=all
        adcb $0x7f, %cl
        ret

        .globl t_adc_imm1_1
t_adc_imm1_1:  # flags=all
        adcb $0x80, %cl
        ret

        .globl t_adc_imm2_1
t_adc_imm2_1:  # flags=all
        adcb $0xff, %cl
        ret

        .globl t_adc_rm_1
t_adc_rm_1:  # flags=all
        adc %dl, m1(%rip)
        ret

        .globl t_adc_mr_1
t_adc_mr_1:  # flags=all
        adc m2(%rip), %sil
        ret

        .globl t_adc_im_1
t_adc_im_1:  # flags=all
        adcb $0x80, m3(%rip)
        ret

        .globl t_adc_rr_2
t_adc_rr_2:  # flags=all
        adc %bx, %ax
        ret

        .globl t_adcw_rr2_2
t_adcw_rr2_2:  # flags=all
        adcw %r10w, %r15w
        ret

        .globl t_adc_imm0_2
t_adc_imm0_2:  # flags=all
        adcw $0x7fff, %cx
        ret

        .globl t_adc_imm1_2
t_adc_imm1_2:  # flags=all
        adcw $0x8000, %cx
        ret

        .globl t_adc_imm2_2
t_adc_imm2_2:  # flags=all
        adcw $-2, %cx
        ret

        .globl t_adc_rm_2
t_adc_rm_2:  # flags=all
        adc %dx, m1(%rip)
        ret

        .globl t_adc_mr_2
t_adc_mr_2:  # flags=all
        adc m2(%rip), %di
        ret

        .globl t_adc_im_2
t_adc_im_2:  # flags=all
        adcw $0x8000, m3(%rip)
        ret

        .globl t_adc_rr_4
t_adc_rr_4:  # flags=all
        adc %ebx, %eax
        ret

        .globl t_adcl_rr2_4
t_adcl_rr2_4:  # flags=all
        adcl %r9d, %r14d
        ret

        .globl t_adc_imm0_4
t_adc_imm0_4:  # flags=all
        adcl $0x7fffffff, %ecx
        ret

        .globl t_adc_imm1_4
t_adc_imm1_4:  # flags=all
        adcl $0xffffffff, %ecx
        ret

        .globl t_adc_imm2_4
t_adc_imm2_4:  # flags=all
        adcl $-0x80000000, %ecx
        ret

        .globl t_adc_rm_4
t_adc_rm_4:  # flags=all
        adc %edx, m1(%rip)
        ret

        .globl t_adc_mr_4
t_adc_mr_4:  # flags=all
        adc m2(%rip), %esi
        ret

        .globl t_adc_im_4
t_adc_im_4:  # flags=all
        adcl $0xffffffff, m3(%rip)
        ret

        .globl t_adc_rr_8
t_adc_rr_8:  # flags=all
        adc %rbx, %rax
        ret

        .globl t_adcq_rr2_8
t_adcq_rr2_8:  # flags=all
        adcq %rdi, %r8
        ret

        .globl t_adc_imm0_8
t_adc_imm0_8:  # flags=all
        adcq $0x7fffffff, %rcx
        ret

        .globl t_adc_imm1_8
t_adc_imm1_8:  # flags=all
        adcq $-1, %rcx
        ret

        .globl t_adc_imm2_8
t_adc_imm2_8:  # flags=all
        adcq $-0x80000000, %rcx
        ret

        .globl t_adc_rm_8
t_adc_rm_8:  # flags=all
        adc %rdx, m1(%rip)
        ret

        .globl t_adc_mr_8
t_adc_mr_8:  # flags=all
        adc m2(%rip), %rsi
        ret

        .globl t_adc_im_8
t_adc_im_8:  # flags=all
        adcq $-1, m3(%rip)
        ret

        .globl t_lock_adc_q
t_lock_adc_q:  # flags=all
        lock adcq %rbx, m0(%rip)
        ret

        .globl t_lock_adc_l_prevline
t_lock_adc_l_prevline:  # flags=all
        lock
        adcl $0x12345, m1
        ret

        .globl t_sub_rr_1
t_sub_rr_1:  # flags=all
        sub %bl, %al
        ret

        .globl t_subb_rr2_1
t_subb_rr2_1:  # flags=all
        subb %r11b, %r12b
        ret

        .globl t_sub_imm0_1
t_sub_imm0_1:  # flags=all
        subb $0x7f, %cl
        ret

        .globl t_sub_imm1_1
t_sub_imm1_1:  # flags=all
        subb $0x80, %cl
        ret

        .globl t_sub_imm2_1
t_sub_imm2_1:  # flags=all
        subb $0xff, %cl
        ret

        .globl t_sub_rm_1
t_sub_rm_1:  # flags=all
        sub %dl, m1(%rip)
        ret

        .globl t_sub_mr_1
t_sub_mr_1:  # flags=all
        sub m2(%rip), %sil
        ret

        .globl t_sub_im_1
t_sub_im_1:  # flags=all
        subb $0x80, m3(%rip)
        ret

        .globl t_sub_rr_2
t_sub_rr_2:  # flags=all
        sub %bx, %ax
        ret

        .globl t_subw_rr2_2
t_subw_rr2_2:  # flags=all
        subw %r10w, %r15w
        ret

        .globl t_sub_imm0_2
t_sub_imm0_2:  # flags=all
        subw $0x7fff, %cx
        ret

        .globl t_sub_imm1_2
t_sub_imm1_2:  # flags=all
        subw $0x8000, %cx
        ret

        .globl t_sub_imm2_2
t_sub_imm2_2:  # flags=all
        subw $-2, %cx
        ret

        .globl t_sub_rm_2
t_sub_rm_2:  # flags=all
        sub %dx, m1(%rip)
        ret

        .globl t_sub_mr_2
t_sub_mr_2:  # flags=all
        sub m2(%rip), %di
        ret

        .globl t_sub_im_2
t_sub_im_2:  # flags=all
        subw $0x8000, m3(%rip)
        ret

        .globl t_sub_rr_4
t_sub_rr_4:  # flags=all
        sub %ebx, %eax
        ret

        .globl t_subl_rr2_4
t_subl_rr2_4:  # flags=all
        subl %r9d, %r14d
        ret

        .globl t_sub_imm0_4
t_sub_imm0_4:  # flags=all
        subl $0x7fffffff, %ecx
        ret

        .globl t_sub_imm1_4
t_sub_imm1_4:  # flags=all
        subl $0xffffffff, %ecx
        ret

        .globl t_sub_imm2_4
t_sub_imm2_4:  # flags=all
        subl $-0x80000000, %ecx
        ret

        .globl t_sub_rm_4
t_sub_rm_4:  # flags=all
        sub %edx, m1(%rip)
        ret

        .globl t_sub_mr_4
t_sub_mr_4:  # flags=all
        sub m2(%rip), %esi
        ret

        .globl t_sub_im_4
t_sub_im_4:  # flags=all
        subl $0xffffffff, m3(%rip)
        ret

        .globl t_sub_rr_8
t_sub_rr_8:  # flags=all
        sub %rbx, %rax
        ret

        .globl t_subq_rr2_8
t_subq_rr2_8:  # flags=all
        subq %rdi, %r8
        ret

        .globl t_sub_imm0_8
t_sub_imm0_8:  # flags=all
        subq $0x7fffffff, %rcx
        ret

        .globl t_sub_imm1_8
t_sub_imm1_8:  # flags=all
        subq $-1, %rcx
        ret

        .globl t_sub_imm2_8
t_sub_imm2_8:  # flags=all
        subq $-0x80000000, %rcx
        ret

        .globl t_sub_rm_8
t_sub_rm_8:  # flags=all
        sub %rdx, m1(%rip)
        ret

        .globl t_sub_mr_8
t_sub_mr_8:  # flags=all
        sub m2(%rip), %rsi
        ret

        .globl t_sub_im_8
t_sub_im_8:  # flags=all
        subq $-1, m3(%rip)
        ret

        .globl t_lock_sub_q
t_lock_sub_q:  # flags=all
        lock subq %rbx, m0(%rip)
        ret

        .globl t_lock_sub_l_prevline
t_lock_sub_l_prevline:  # flags=all
        lock
        subl $0x12345, m1
        ret

        .globl t_sbb_rr_1
t_sbb_rr_1:  # flags=all
        sbb %bl, %al
        ret

        .globl t_sbbb_rr2_1
t_sbbb_rr2_1:  # flags=all
        sbbb %r11b, %r12b
        ret

        .globl t_sbb_imm0_1
t_sbb_imm0_1:  # flags=all
        sbbb $0x7f, %cl
        ret

        .globl t_sbb_imm1_1
t_sbb_imm1_1:  # flags=all
        sbbb $0x80, %cl
        ret

        .globl t_sbb_imm2_1
t_sbb_imm2_1:  # flags=all
        sbbb $0xff, %cl
        ret

        .globl t_sbb_rm_1
t_sbb_rm_1:  # flags=all
        sbb %dl, m1(%rip)
        ret

        .globl t_sbb_mr_1
t_sbb_mr_1:  # flags=all
        sbb m2(%rip), %sil
        ret

        .globl t_sbb_im_1
t_sbb_im_1:  # flags=all
        sbbb $0x80, m3(%rip)
        ret

        .globl t_sbb_rr_2
t_sbb_rr_2:  # flags=all
        sbb %bx, %ax
        ret

        .globl t_sbbw_rr2_2
t_sbbw_rr2_2:  # flags=all
        sbbw %r10w, %r15w
        ret

        .globl t_sbb_imm0_2
t_sbb_imm0_2:  # flags=all
        sbbw $0x7fff, %cx
        ret

        .globl t_sbb_imm1_2
t_sbb_imm1_2:  # flags=all
        sbbw $0x8000, %cx
        ret

        .globl t_sbb_imm2_2
t_sbb_imm2_2:  # flags=all
        sbbw $-2, %cx
        ret

        .globl t_sbb_rm_2
t_sbb_rm_2:  # flags=all
        sbb %dx, m1(%rip)
        ret

        .globl t_sbb_mr_2
t_sbb_mr_2:  # flags=all
        sbb m2(%rip), %di
        ret

        .globl t_sbb_im_2
t_sbb_im_2:  # flags=all
        sbbw $0x8000, m3(%rip)
        ret

        .globl t_sbb_rr_4
t_sbb_rr_4:  # flags=all
        sbb %ebx, %eax
        ret

        .globl t_sbbl_rr2_4
t_sbbl_rr2_4:  # flags=all
        sbbl %r9d, %r14d
        ret

        .globl t_sbb_imm0_4
t_sbb_imm0_4:  # flags=all
        sbbl $0x7fffffff, %ecx
        ret

        .globl t_sbb_imm1_4
t_sbb_imm1_4:  # flags=all
        sbbl $0xffffffff, %ecx
        ret

        .globl t_sbb_imm2_4
t_sbb_imm2_4:  # flags=all
        sbbl $-0x80000000, %ecx
        ret

        .globl t_sbb_rm_4
t_sbb_rm_4:  # flags=all
        sbb %edx, m1(%rip)
        ret

        .globl t_sbb_mr_4
t_sbb_mr_4:  # flags=all
        sbb m2(%rip), %esi
        ret

        .globl t_sbb_im_4
t_sbb_im_4:  # flags=all
        sbbl $0xffffffff, m3(%rip)
        ret

        .globl t_sbb_rr_8
t_sbb_rr_8:  # flags=all
        sbb %rbx, %rax
        ret

        .globl t_sbbq_rr2_8
t_sbbq_rr2_8:  # flags=all
        sbbq %rdi, %r8
        ret

        .globl t_sbb_imm0_8
t_sbb_imm0_8:  # flags=all
        sbbq $0x7fffffff, %rcx
        ret

        .globl t_sbb_imm1_8
t_sbb_imm1_8:  # flags=all
        sbbq $-1, %rcx
        ret

        .globl t_sbb_imm2_8
t_sbb_imm2_8:  # flags=all
        sbbq $-0x80000000, %rcx
        ret

        .globl t_sbb_rm_8
t_sbb_rm_8:  # flags=all
        sbb %rdx, m1(%rip)
        ret

        .globl t_sbb_mr_8
t_sbb_mr_8:  # flags=all
        sbb m2(%rip), %rsi
        ret

        .globl t_sbb_im_8
t_sbb_im_8:  # flags=all
        sbbq $-1, m3(%rip)
        ret

        .globl t_lock_sbb_q
t_lock_sbb_q:  # flags=all
        lock sbbq %rbx, m0(%rip)
        ret

        .globl t_lock_sbb_l_prevline
t_lock_sbb_l_prevline:  # flags=all
        lock
        sbbl $0x12345, m1
        ret

        .globl t_and_rr_1
t_and_rr_1:  # flags=cf,pf,zf,sf,of
        and %bl, %al
        ret

        .globl t_andb_rr2_1
t_andb_rr2_1:  # flags=cf,pf,zf,sf,of
        andb %r11b, %r12b
        ret

        .globl t_and_imm0_1
t_and_imm0_1:  # flags=cf,pf,zf,sf,of
        andb $0x7f, %cl
        ret

        .globl t_and_imm1_1
t_and_imm1_1:  # flags=cf,pf,zf,sf,of
        andb $0x80, %cl
        ret

        .globl t_and_imm2_1
t_and_imm2_1:  # flags=cf,pf,zf,sf,of
        andb $0xff, %cl
        ret

        .globl t_and_rm_1
t_and_rm_1:  # flags=cf,pf,zf,sf,of
        and %dl, m1(%rip)
        ret

        .globl t_and_mr_1
t_and_mr_1:  # flags=cf,pf,zf,sf,of
        and m2(%rip), %sil
        ret

        .globl t_and_im_1
t_and_im_1:  # flags=cf,pf,zf,sf,of
        andb $0x80, m3(%rip)
        ret

        .globl t_and_rr_2
t_and_rr_2:  # flags=cf,pf,zf,sf,of
        and %bx, %ax
        ret

        .globl t_andw_rr2_2
t_andw_rr2_2:  # flags=cf,pf,zf,sf,of
        andw %r10w, %r15w
        ret

        .globl t_and_imm0_2
t_and_imm0_2:  # flags=cf,pf,zf,sf,of
        andw $0x7fff, %cx
        ret

        .globl t_and_imm1_2
t_and_imm1_2:  # flags=cf,pf,zf,sf,of
        andw $0x8000, %cx
        ret

        .globl t_and_imm2_2
t_and_imm2_2:  # flags=cf,pf,zf,sf,of
        andw $-2, %cx
        ret

        .globl t_and_rm_2
t_and_rm_2:  # flags=cf,pf,zf,sf,of
        and %dx, m1(%rip)
        ret

        .globl t_and_mr_2
t_and_mr_2:  # flags=cf,pf,zf,sf,of
        and m2(%rip), %di
        ret

        .globl t_and_im_2
t_and_im_2:  # flags=cf,pf,zf,sf,of
        andw $0x8000, m3(%rip)
        ret

        .globl t_and_rr_4
t_and_rr_4:  # flags=cf,pf,zf,sf,of
        and %ebx, %eax
        ret

        .globl t_andl_rr2_4
t_andl_rr2_4:  # flags=cf,pf,zf,sf,of
        andl %r9d, %r14d
        ret

        .globl t_and_imm0_4
t_and_imm0_4:  # flags=cf,pf,zf,sf,of
        andl $0x7fffffff, %ecx
        ret

        .globl t_and_imm1_4
t_and_imm1_4:  # flags=cf,pf,zf,sf,of
        andl $0xffffffff, %ecx
        ret

        .globl t_and_imm2_4
t_and_imm2_4:  # flags=cf,pf,zf,sf,of
        andl $-0x80000000, %ecx
        ret

        .globl t_and_rm_4
t_and_rm_4:  # flags=cf,pf,zf,sf,of
        and %edx, m1(%rip)
        ret

        .globl t_and_mr_4
t_and_mr_4:  # flags=cf,pf,zf,sf,of
        and m2(%rip), %esi
        ret

        .globl t_and_im_4
t_and_im_4:  # flags=cf,pf,zf,sf,of
        andl $0xffffffff, m3(%rip)
        ret

        .globl t_and_rr_8
t_and_rr_8:  # flags=cf,pf,zf,sf,of
        and %rbx, %rax
        ret

        .globl t_andq_rr2_8
t_andq_rr2_8:  # flags=cf,pf,zf,sf,of
        andq %rdi, %r8
        ret

        .globl t_and_imm0_8
t_and_imm0_8:  # flags=cf,pf,zf,sf,of
        andq $0x7fffffff, %rcx
        ret

        .globl t_and_imm1_8
t_and_imm1_8:  # flags=cf,pf,zf,sf,of
        andq $-1, %rcx
        ret

        .globl t_and_imm2_8
t_and_imm2_8:  # flags=cf,pf,zf,sf,of
        andq $-0x80000000, %rcx
        ret

        .globl t_and_rm_8
t_and_rm_8:  # flags=cf,pf,zf,sf,of
        and %rdx, m1(%rip)
        ret

        .globl t_and_mr_8
t_and_mr_8:  # flags=cf,pf,zf,sf,of
        and m2(%rip), %rsi
        ret

        .globl t_and_im_8
t_and_im_8:  # flags=cf,pf,zf,sf,of
        andq $-1, m3(%rip)
        ret

        .globl t_lock_and_q
t_lock_and_q:  # flags=cf,pf,zf,sf,of
        lock andq %rbx, m0(%rip)
        ret

        .globl t_lock_and_l_prevline
t_lock_and_l_prevline:  # flags=cf,pf,zf,sf,of
        lock
        andl $0x12345, m1
        ret

        .globl t_or_rr_1
t_or_rr_1:  # flags=cf,pf,zf,sf,of
        or %bl, %al
        ret

        .globl t_orb_rr2_1
t_orb_rr2_1:  # flags=cf,pf,zf,sf,of
        orb %r11b, %r12b
        ret

        .globl t_or_imm0_1
t_or_imm0_1:  # flags=cf,pf,zf,sf,of
        orb $0x7f, %cl
        ret

        .globl t_or_imm1_1
t_or_imm1_1:  # flags=cf,pf,zf,sf,of
        orb $0x80, %cl
        ret

        .globl t_or_imm2_1
t_or_imm2_1:  # flags=cf,pf,zf,sf,of
        orb $0xff, %cl
        ret

        .globl t_or_rm_1
t_or_rm_1:  # flags=cf,pf,zf,sf,of
        or %dl, m1(%rip)
        ret

        .globl t_or_mr_1
t_or_mr_1:  # flags=cf,pf,zf,sf,of
        or m2(%rip), %sil
        ret

        .globl t_or_im_1
t_or_im_1:  # flags=cf,pf,zf,sf,of
        orb $0x80, m3(%rip)
        ret

        .globl t_or_rr_2
t_or_rr_2:  # flags=cf,pf,zf,sf,of
        or %bx, %ax
        ret

        .globl t_orw_rr2_2
t_orw_rr2_2:  # flags=cf,pf,zf,sf,of
        orw %r10w, %r15w
        ret

        .globl t_or_imm0_2
t_or_imm0_2:  # flags=cf,pf,zf,sf,of
        orw $0x7fff, %cx
        ret

        .globl t_or_imm1_2
t_or_imm1_2:  # flags=cf,pf,zf,sf,of
        orw $0x8000, %cx
        ret

        .globl t_or_imm2_2
t_or_imm2_2:  # flags=cf,pf,zf,sf,of
        orw $-2, %cx
        ret

        .globl t_or_rm_2
t_or_rm_2:  # flags=cf,pf,zf,sf,of
        or %dx, m1(%rip)
        ret

        .globl t_or_mr_2
t_or_mr_2:  # flags=cf,pf,zf,sf,of
        or m2(%rip), %di
        ret

        .globl t_or_im_2
t_or_im_2:  # flags=cf,pf,zf,sf,of
        orw $0x8000, m3(%rip)
        ret

        .globl t_or_rr_4
t_or_rr_4:  # flags=cf,pf,zf,sf,of
        or %ebx, %eax
        ret

        .globl t_orl_rr2_4
t_orl_rr2_4:  # flags=cf,pf,zf,sf,of
        orl %r9d, %r14d
        ret

        .globl t_or_imm0_4
t_or_imm0_4:  # flags=cf,pf,zf,sf,of
        orl $0x7fffffff, %ecx
        ret

        .globl t_or_imm1_4
t_or_imm1_4:  # flags=cf,pf,zf,sf,of
        orl $0xffffffff, %ecx
        ret

        .globl t_or_imm2_4
t_or_imm2_4:  # flags=cf,pf,zf,sf,of
        orl $-0x80000000, %ecx
        ret

        .globl t_or_rm_4
t_or_rm_4:  # flags=cf,pf,zf,sf,of
        or %edx, m1(%rip)
        ret

        .globl t_or_mr_4
t_or_mr_4:  # flags=cf,pf,zf,sf,of
        or m2(%rip), %esi
        ret

        .globl t_or_im_4
t_or_im_4:  # flags=cf,pf,zf,sf,of
        orl $0xffffffff, m3(%rip)
        ret

        .globl t_or_rr_8
t_or_rr_8:  # flags=cf,pf,zf,sf,of
        or %rbx, %rax
        ret

        .globl t_orq_rr2_8
t_orq_rr2_8:  # flags=cf,pf,zf,sf,of
        orq %rdi, %r8
        ret

        .globl t_or_imm0_8
t_or_imm0_8:  # flags=cf,pf,zf,sf,of
        orq $0x7fffffff, %rcx
        ret

        .globl t_or_imm1_8
t_or_imm1_8:  # flags=cf,pf,zf,sf,of
        orq $-1, %rcx
        ret

        .globl t_or_imm2_8
t_or_imm2_8:  # flags=cf,pf,zf,sf,of
        orq $-0x80000000, %rcx
        ret

        .globl t_or_rm_8
t_or_rm_8:  # flags=cf,pf,zf,sf,of
        or %rdx, m1(%rip)
        ret

        .globl t_or_mr_8
t_or_mr_8:  # flags=cf,pf,zf,sf,of
        or m2(%rip), %rsi
        ret

        .globl t_or_im_8
t_or_im_8:  # flags=cf,pf,zf,sf,of
        orq $-1, m3(%rip)
        ret

        .globl t_lock_or_q
t_lock_or_q:  # flags=cf,pf,zf,sf,of
        lock orq %rbx, m0(%rip)
        ret

        .globl t_lock_or_l_prevline
t_lock_or_l_prevline:  # flags=cf,pf,zf,sf,of
        lock
        orl $0x12345, m1
        ret

        .globl t_xor_rr_1
t_xor_rr_1:  # flags=cf,pf,zf,sf,of
        xor %bl, %al
        ret

        .globl t_xorb_rr2_1
t_xorb_rr2_1:  # flags=cf,pf,zf,sf,of
        xorb %r11b, %r12b
        ret

        .globl t_xor_imm0_1
t_xor_imm0_1:  # flags=cf,pf,zf,sf,of
        xorb $0x7f, %cl
        ret

        .globl t_xor_imm1_1
t_xor_imm1_1:  # flags=cf,pf,zf,sf,of
        xorb $0x80, %cl
        ret

        .globl t_xor_imm2_1
t_xor_imm2_1:  # flags=cf,pf,zf,sf,of
        xorb $0xff, %cl
        ret

        .globl t_xor_rm_1
t_xor_rm_1:  # flags=cf,pf,zf,sf,of
        xor %dl, m1(%rip)
        ret

        .globl t_xor_mr_1
t_xor_mr_1:  # flags=cf,pf,zf,sf,of
        xor m2(%rip), %sil
        ret

        .globl t_xor_im_1
t_xor_im_1:  # flags=cf,pf,zf,sf,of
        xorb $0x80, m3(%rip)
        ret

        .globl t_xor_rr_2
t_xor_rr_2:  # flags=cf,pf,zf,sf,of
        xor %bx, %ax
        ret

        .globl t_xorw_rr2_2
t_xorw_rr2_2:  # flags=cf,pf,zf,sf,of
        xorw %r10w, %r15w
        ret

        .globl t_xor_imm0_2
t_xor_imm0_2:  # flags=cf,pf,zf,sf,of
        xorw $0x7fff, %cx
        ret

        .globl t_xor_imm1_2
t_xor_imm1_2:  # flags=cf,pf,zf,sf,of
        xorw $0x8000, %cx
        ret

        .globl t_xor_imm2_2
t_xor_imm2_2:  # flags=cf,pf,zf,sf,of
        xorw $-2, %cx
        ret

        .globl t_xor_rm_2
t_xor_rm_2:  # flags=cf,pf,zf,sf,of
        xor %dx, m1(%rip)
        ret

        .globl t_xor_mr_2
t_xor_mr_2:  # flags=cf,pf,zf,sf,of
        xor m2(%rip), %di
        ret

        .globl t_xor_im_2
t_xor_im_2:  # flags=cf,pf,zf,sf,of
        xorw $0x8000, m3(%rip)
        ret

        .globl t_xor_rr_4
t_xor_rr_4:  # flags=cf,pf,zf,sf,of
        xor %ebx, %eax
        ret

        .globl t_xorl_rr2_4
t_xorl_rr2_4:  # flags=cf,pf,zf,sf,of
        xorl %r9d, %r14d
        ret

        .globl t_xor_imm0_4
t_xor_imm0_4:  # flags=cf,pf,zf,sf,of
        xorl $0x7fffffff, %ecx
        ret

        .globl t_xor_imm1_4
t_xor_imm1_4:  # flags=cf,pf,zf,sf,of
        xorl $0xffffffff, %ecx
        ret

        .globl t_xor_imm2_4
t_xor_imm2_4:  # flags=cf,pf,zf,sf,of
        xorl $-0x80000000, %ecx
        ret

        .globl t_xor_rm_4
t_xor_rm_4:  # flags=cf,pf,zf,sf,of
        xor %edx, m1(%rip)
        ret

        .globl t_xor_mr_4
t_xor_mr_4:  # flags=cf,pf,zf,sf,of
        xor m2(%rip), %esi
        ret

        .globl t_xor_im_4
t_xor_im_4:  # flags=cf,pf,zf,sf,of
        xorl $0xffffffff, m3(%rip)
        ret

        .globl t_xor_rr_8
t_xor_rr_8:  # flags=cf,pf,zf,sf,of
        xor %rbx, %rax
        ret

        .globl t_xorq_rr2_8
t_xorq_rr2_8:  # flags=cf,pf,zf,sf,of
        xorq %rdi, %r8
        ret

        .globl t_xor_imm0_8
t_xor_imm0_8:  # flags=cf,pf,zf,sf,of
        xorq $0x7fffffff, %rcx
        ret

        .globl t_xor_imm1_8
t_xor_imm1_8:  # flags=cf,pf,zf,sf,of
        xorq $-1, %rcx
        ret

        .globl t_xor_imm2_8
t_xor_imm2_8:  # flags=cf,pf,zf,sf,of
        xorq $-0x80000000, %rcx
        ret

        .globl t_xor_rm_8
t_xor_rm_8:  # flags=cf,pf,zf,sf,of
        xor %rdx, m1(%rip)
        ret

        .globl t_xor_mr_8
t_xor_mr_8:  # flags=cf,pf,zf,sf,of
        xor m2(%rip), %rsi
        ret

        .globl t_xor_im_8
t_xor_im_8:  # flags=cf,pf,zf,sf,of
        xorq $-1, m3(%rip)
        ret

        .globl t_lock_xor_q
t_lock_xor_q:  # flags=cf,pf,zf,sf,of
        lock xorq %rbx, m0(%rip)
        ret

        .globl t_lock_xor_l_prevline
t_lock_xor_l_prevline:  # flags=cf,pf,zf,sf,of
        lock
        xorl $0x12345, m1
        ret

        .globl t_cmp_rr_1
t_cmp_rr_1:  # flags=all
        cmp %bl, %al
        ret

        .globl t_cmpb_rr2_1
t_cmpb_rr2_1:  # flags=all
        cmpb %r11b, %r12b
        ret

        .globl t_cmp_imm0_1
t_cmp_imm0_1:  # flags=all
        cmpb $0x7f, %cl
        ret

        .globl t_cmp_imm1_1
t_cmp_imm1_1:  # flags=all
        cmpb $0x80, %cl
        ret

        .globl t_cmp_imm2_1
t_cmp_imm2_1:  # flags=all
        cmpb $0xff, %cl
        ret

        .globl t_cmp_rm_1
t_cmp_rm_1:  # flags=all
        cmp %dl, m1(%rip)
        ret

        .globl t_cmp_mr_1
t_cmp_mr_1:  # flags=all
        cmp m2(%rip), %sil
        ret

        .globl t_cmp_im_1
t_cmp_im_1:  # flags=all
        cmpb $0x80, m3(%rip)
        ret

        .globl t_cmp_rr_2
t_cmp_rr_2:  # flags=all
        cmp %bx, %ax
        ret

        .globl t_cmpw_rr2_2
t_cmpw_rr2_2:  # flags=all
        cmpw %r10w, %r15w
        ret

        .globl t_cmp_imm0_2
t_cmp_imm0_2:  # flags=all
        cmpw $0x7fff, %cx
        ret

        .globl t_cmp_imm1_2
t_cmp_imm1_2:  # flags=all
        cmpw $0x8000, %cx
        ret

        .globl t_cmp_imm2_2
t_cmp_imm2_2:  # flags=all
        cmpw $-2, %cx
        ret

        .globl t_cmp_rm_2
t_cmp_rm_2:  # flags=all
        cmp %dx, m1(%rip)
        ret

        .globl t_cmp_mr_2
t_cmp_mr_2:  # flags=all
        cmp m2(%rip), %di
        ret

        .globl t_cmp_im_2
t_cmp_im_2:  # flags=all
        cmpw $0x8000, m3(%rip)
        ret

        .globl t_cmp_rr_4
t_cmp_rr_4:  # flags=all
        cmp %ebx, %eax
        ret

        .globl t_cmpl_rr2_4
t_cmpl_rr2_4:  # flags=all
        cmpl %r9d, %r14d
        ret

        .globl t_cmp_imm0_4
t_cmp_imm0_4:  # flags=all
        cmpl $0x7fffffff, %ecx
        ret

        .globl t_cmp_imm1_4
t_cmp_imm1_4:  # flags=all
        cmpl $0xffffffff, %ecx
        ret

        .globl t_cmp_imm2_4
t_cmp_imm2_4:  # flags=all
        cmpl $-0x80000000, %ecx
        ret

        .globl t_cmp_rm_4
t_cmp_rm_4:  # flags=all
        cmp %edx, m1(%rip)
        ret

        .globl t_cmp_mr_4
t_cmp_mr_4:  # flags=all
        cmp m2(%rip), %esi
        ret

        .globl t_cmp_im_4
t_cmp_im_4:  # flags=all
        cmpl $0xffffffff, m3(%rip)
        ret

        .globl t_cmp_rr_8
t_cmp_rr_8:  # flags=all
        cmp %rbx, %rax
        ret

        .globl t_cmpq_rr2_8
t_cmpq_rr2_8:  # flags=all
        cmpq %rdi, %r8
        ret

        .globl t_cmp_imm0_8
t_cmp_imm0_8:  # flags=all
        cmpq $0x7fffffff, %rcx
        ret

        .globl t_cmp_imm1_8
t_cmp_imm1_8:  # flags=all
        cmpq $-1, %rcx
        ret

        .globl t_cmp_imm2_8
t_cmp_imm2_8:  # flags=all
        cmpq $-0x80000000, %rcx
        ret

        .globl t_cmp_rm_8
t_cmp_rm_8:  # flags=all
        cmp %rdx, m1(%rip)
        ret

        .globl t_cmp_mr_8
t_cmp_mr_8:  # flags=all
        cmp m2(%rip), %rsi
        ret

        .globl t_cmp_im_8
t_cmp_im_8:  # flags=all
        cmpq $-1, m3(%rip)
        ret

        .globl t_test_rr_1
t_test_rr_1:  # flags=cf,pf,zf,sf,of
        test %bl, %al
        ret

        .globl t_testb_rr2_1
t_testb_rr2_1:  # flags=cf,pf,zf,sf,of
        testb %r11b, %r12b
        ret

        .globl t_test_imm0_1
t_test_imm0_1:  # flags=cf,pf,zf,sf,of
        testb $0x7f, %cl
        ret

        .globl t_test_imm1_1
t_test_imm1_1:  # flags=cf,pf,zf,sf,of
        testb $0x80, %cl
        ret

        .globl t_test_imm2_1
t_test_imm2_1:  # flags=cf,pf,zf,sf,of
        testb $0xff, %cl
        ret

        .globl t_test_rm_1
t_test_rm_1:  # flags=cf,pf,zf,sf,of
        test %dl, m1(%rip)
        ret

        .globl t_test_im_1
t_test_im_1:  # flags=cf,pf,zf,sf,of
        testb $0x80, m3(%rip)
        ret

        .globl t_test_rr_2
t_test_rr_2:  # flags=cf,pf,zf,sf,of
        test %bx, %ax
        ret

        .globl t_testw_rr2_2
t_testw_rr2_2:  # flags=cf,pf,zf,sf,of
        testw %r10w, %r15w
        ret

        .globl t_test_imm0_2
t_test_imm0_2:  # flags=cf,pf,zf,sf,of
        testw $0x7fff, %cx
        ret

        .globl t_test_imm1_2
t_test_imm1_2:  # flags=cf,pf,zf,sf,of
        testw $0x8000, %cx
        ret

        .globl t_test_imm2_2
t_test_imm2_2:  # flags=cf,pf,zf,sf,of
        testw $-2, %cx
        ret

        .globl t_test_rm_2
t_test_rm_2:  # flags=cf,pf,zf,sf,of
        test %dx, m1(%rip)
        ret

        .globl t_test_im_2
t_test_im_2:  # flags=cf,pf,zf,sf,of
        testw $0x8000, m3(%rip)
        ret

        .globl t_test_rr_4
t_test_rr_4:  # flags=cf,pf,zf,sf,of
        test %ebx, %eax
        ret

        .globl t_testl_rr2_4
t_testl_rr2_4:  # flags=cf,pf,zf,sf,of
        testl %r9d, %r14d
        ret

        .globl t_test_imm0_4
t_test_imm0_4:  # flags=cf,pf,zf,sf,of
        testl $0x7fffffff, %ecx
        ret

        .globl t_test_imm1_4
t_test_imm1_4:  # flags=cf,pf,zf,sf,of
        testl $0xffffffff, %ecx
        ret

        .globl t_test_imm2_4
t_test_imm2_4:  # flags=cf,pf,zf,sf,of
        testl $-0x80000000, %ecx
        ret

        .globl t_test_rm_4
t_test_rm_4:  # flags=cf,pf,zf,sf,of
        test %edx, m1(%rip)
        ret

        .globl t_test_im_4
t_test_im_4:  # flags=cf,pf,zf,sf,of
        testl $0xffffffff, m3(%rip)
        ret

        .globl t_test_rr_8
t_test_rr_8:  # flags=cf,pf,zf,sf,of
        test %rbx, %rax
        ret

        .globl t_testq_rr2_8
t_testq_rr2_8:  # flags=cf,pf,zf,sf,of
        testq %rdi, %r8
        ret

        .globl t_test_imm0_8
t_test_imm0_8:  # flags=cf,pf,zf,sf,of
        testq $0x7fffffff, %rcx
        ret

        .globl t_test_imm1_8
t_test_imm1_8:  # flags=cf,pf,zf,sf,of
        testq $-1, %rcx
        ret

        .globl t_test_imm2_8
t_test_imm2_8:  # flags=cf,pf,zf,sf,of
        testq $-0x80000000, %rcx
        ret

        .globl t_test_rm_8
t_test_rm_8:  # flags=cf,pf,zf,sf,of
        test %rdx, m1(%rip)
        ret

        .globl t_test_im_8
t_test_im_8:  # flags=cf,pf,zf,sf,of
        testq $-1, m3(%rip)
        ret

        .globl t_high8_add
t_high8_add:  # flags=all
        add %ah, %bh
        adc %ch, %dl
        ret

        .globl t_high8_mov
t_high8_mov:  # flags=all
        mov %bh, %al
        movb $0x5a, %ch
        mov %dh, m0+1
        ret

        .globl t_high8_movz
t_high8_movz:  # flags=all
        movzbl %ah, %ecx
        movsbw %bh, %dx
        ret

        .globl t_inc_r_1
t_inc_r_1:  # flags=all
        inc %cl
        ret

        .globl t_inc_m_1
t_inc_m_1:  # flags=all
        incb m2(%rip)
        ret

        .globl t_inc_r_2
t_inc_r_2:  # flags=all
        inc %cx
        ret

        .globl t_inc_m_2
t_inc_m_2:  # flags=all
        incw m2(%rip)
        ret

        .globl t_inc_r_4
t_inc_r_4:  # flags=all
        inc %ecx
        ret

        .globl t_inc_m_4
t_inc_m_4:  # flags=all
        incl m2(%rip)
        ret

        .globl t_inc_r_8
t_inc_r_8:  # flags=all
        inc %rcx
        ret

        .globl t_inc_m_8
t_inc_m_8:  # flags=all
        incq m2(%rip)
        ret

        .globl t_lock_inc
t_lock_inc:  # flags=all
        lock incq m0(%rip)
        ret

        .globl t_dec_r_1
t_dec_r_1:  # flags=all
        dec %cl
        ret

        .globl t_dec_m_1
t_dec_m_1:  # flags=all
        decb m2(%rip)
        ret

        .globl t_dec_r_2
t_dec_r_2:  # flags=all
        dec %cx
        ret

        .globl t_dec_m_2
t_dec_m_2:  # flags=all
        decw m2(%rip)
        ret

        .globl t_dec_r_4
t_dec_r_4:  # flags=all
        dec %ecx
        ret

        .globl t_dec_m_4
t_dec_m_4:  # flags=all
        decl m2(%rip)
        ret

        .globl t_dec_r_8
t_dec_r_8:  # flags=all
        dec %rcx
        ret

        .globl t_dec_m_8
t_dec_m_8:  # flags=all
        decq m2(%rip)
        ret

        .globl t_lock_dec
t_lock_dec:  # flags=all
        lock decq m0(%rip)
        ret

        .globl t_neg_r_1
t_neg_r_1:  # flags=all
        neg %cl
        ret

        .globl t_neg_m_1
t_neg_m_1:  # flags=all
        negb m2(%rip)
        ret

        .globl t_neg_r_2
t_neg_r_2:  # flags=all
        neg %cx
        ret

        .globl t_neg_m_2
t_neg_m_2:  # flags=all
        negw m2(%rip)
        ret

        .globl t_neg_r_4
t_neg_r_4:  # flags=all
        neg %ecx
        ret

        .globl t_neg_m_4
t_neg_m_4:  # flags=all
        negl m2(%rip)
        ret

        .globl t_neg_r_8
t_neg_r_8:  # flags=all
        neg %rcx
        ret

        .globl t_neg_m_8
t_neg_m_8:  # flags=all
        negq m2(%rip)
        ret

        .globl t_lock_neg
t_lock_neg:  # flags=all
        lock negq m0(%rip)
        ret

        .globl t_not_r_1
t_not_r_1:  # flags=all
        not %cl
        ret

        .globl t_not_m_1
t_not_m_1:  # flags=all
        notb m2(%rip)
        ret

        .globl t_not_r_2
t_not_r_2:  # flags=all
        not %cx
        ret

        .globl t_not_m_2
t_not_m_2:  # flags=all
        notw m2(%rip)
        ret

        .globl t_not_r_4
t_not_r_4:  # flags=all
        not %ecx
        ret

        .globl t_not_m_4
t_not_m_4:  # flags=all
        notl m2(%rip)
        ret

        .globl t_not_r_8
t_not_r_8:  # flags=all
        not %rcx
        ret

        .globl t_not_m_8
t_not_m_8:  # flags=all
        notq m2(%rip)
        ret

        .globl t_lock_not
t_lock_not:  # flags=all
        lock notq m0(%rip)
        ret

        .globl t_shl_1_1
t_shl_1_1:  # kind=shift size=1 count=1
        shl %al
        ret

        .globl t_shl_i0_1
t_shl_i0_1:  # kind=shift size=1 count=0
        shlb $0, %bl
        ret

        .globl t_shl_i1_1
t_shl_i1_1:  # kind=shift size=1 count=1
        shlb $1, %bl
        ret

        .globl t_shl_i3_1
t_shl_i3_1:  # kind=shift size=1 count=3
        shlb $3, %bl
        ret

        .globl t_shl_i7_1
t_shl_i7_1:  # kind=shift size=1 count=7
        shlb $7, %bl
        ret

        .globl t_shl_i8_1
t_shl_i8_1:  # kind=shift size=1 count=8
        shlb $8, %bl
        ret

        .globl t_shl_i9_1
t_shl_i9_1:  # kind=shift size=1 count=9
        shlb $9, %bl
        ret

        .globl t_shl_i15_1
t_shl_i15_1:  # kind=shift size=1 count=15
        shlb $15, %bl
        ret

        .globl t_shl_i16_1
t_shl_i16_1:  # kind=shift size=1 count=16
        shlb $16, %bl
        ret

        .globl t_shl_i17_1
t_shl_i17_1:  # kind=shift size=1 count=17
        shlb $17, %bl
        ret

        .globl t_shl_i31_1
t_shl_i31_1:  # kind=shift size=1 count=31
        shlb $31, %bl
        ret

        .globl t_shl_cl_1
t_shl_cl_1:  # kind=shift size=1 count=cl
        shl %cl, %dl
        ret

        .globl t_shl_m_1
t_shl_m_1:  # kind=shift size=1 count=cl
        shlb %cl, m3(%rip)
        ret

        .globl t_shl_1_2
t_shl_1_2:  # kind=shift size=2 count=1
        shl %ax
        ret

        .globl t_shl_i0_2
t_shl_i0_2:  # kind=shift size=2 count=0
        shlw $0, %bx
        ret

        .globl t_shl_i1_2
t_shl_i1_2:  # kind=shift size=2 count=1
        shlw $1, %bx
        ret

        .globl t_shl_i3_2
t_shl_i3_2:  # kind=shift size=2 count=3
        shlw $3, %bx
        ret

        .globl t_shl_i7_2
t_shl_i7_2:  # kind=shift size=2 count=7
        shlw $7, %bx
        ret

        .globl t_shl_i8_2
t_shl_i8_2:  # kind=shift size=2 count=8
        shlw $8, %bx
        ret

        .globl t_shl_i9_2
t_shl_i9_2:  # kind=shift size=2 count=9
        shlw $9, %bx
        ret

        .globl t_shl_i15_2
t_shl_i15_2:  # kind=shift size=2 count=15
        shlw $15, %bx
        ret

        .globl t_shl_i16_2
t_shl_i16_2:  # kind=shift size=2 count=16
        shlw $16, %bx
        ret

        .globl t_shl_i17_2
t_shl_i17_2:  # kind=shift size=2 count=17
        shlw $17, %bx
        ret

        .globl t_shl_i31_2
t_shl_i31_2:  # kind=shift size=2 count=31
        shlw $31, %bx
        ret

        .globl t_shl_cl_2
t_shl_cl_2:  # kind=shift size=2 count=cl
        shl %cl, %dx
        ret

        .globl t_shl_m_2
t_shl_m_2:  # kind=shift size=2 count=cl
        shlw %cl, m3(%rip)
        ret

        .globl t_shl_1_4
t_shl_1_4:  # kind=shift size=4 count=1
        shl %eax
        ret

        .globl t_shl_i0_4
t_shl_i0_4:  # kind=shift size=4 count=0
        shll $0, %ebx
        ret

        .globl t_shl_i1_4
t_shl_i1_4:  # kind=shift size=4 count=1
        shll $1, %ebx
        ret

        .globl t_shl_i3_4
t_shl_i3_4:  # kind=shift size=4 count=3
        shll $3, %ebx
        ret

        .globl t_shl_i7_4
t_shl_i7_4:  # kind=shift size=4 count=7
        shll $7, %ebx
        ret

        .globl t_shl_i8_4
t_shl_i8_4:  # kind=shift size=4 count=8
        shll $8, %ebx
        ret

        .globl t_shl_i9_4
t_shl_i9_4:  # kind=shift size=4 count=9
        shll $9, %ebx
        ret

        .globl t_shl_i15_4
t_shl_i15_4:  # kind=shift size=4 count=15
        shll $15, %ebx
        ret

        .globl t_shl_i16_4
t_shl_i16_4:  # kind=shift size=4 count=16
        shll $16, %ebx
        ret

        .globl t_shl_i17_4
t_shl_i17_4:  # kind=shift size=4 count=17
        shll $17, %ebx
        ret

        .globl t_shl_i31_4
t_shl_i31_4:  # kind=shift size=4 count=31
        shll $31, %ebx
        ret

        .globl t_shl_cl_4
t_shl_cl_4:  # kind=shift size=4 count=cl
        shl %cl, %edx
        ret

        .globl t_shl_m_4
t_shl_m_4:  # kind=shift size=4 count=cl
        shll %cl, m3(%rip)
        ret

        .globl t_shl_1_8
t_shl_1_8:  # kind=shift size=8 count=1
        shl %rax
        ret

        .globl t_shl_i0_8
t_shl_i0_8:  # kind=shift size=8 count=0
        shlq $0, %rbx
        ret

        .globl t_shl_i1_8
t_shl_i1_8:  # kind=shift size=8 count=1
        shlq $1, %rbx
        ret

        .globl t_shl_i3_8
t_shl_i3_8:  # kind=shift size=8 count=3
        shlq $3, %rbx
        ret

        .globl t_shl_i7_8
t_shl_i7_8:  # kind=shift size=8 count=7
        shlq $7, %rbx
        ret

        .globl t_shl_i8_8
t_shl_i8_8:  # kind=shift size=8 count=8
        shlq $8, %rbx
        ret

        .globl t_shl_i9_8
t_shl_i9_8:  # kind=shift size=8 count=9
        shlq $9, %rbx
        ret

        .globl t_shl_i15_8
t_shl_i15_8:  # kind=shift size=8 count=15
        shlq $15, %rbx
        ret

        .globl t_shl_i16_8
t_shl_i16_8:  # kind=shift size=8 count=16
        shlq $16, %rbx
        ret

        .globl t_shl_i17_8
t_shl_i17_8:  # kind=shift size=8 count=17
        shlq $17, %rbx
        ret

        .globl t_shl_i31_8
t_shl_i31_8:  # kind=shift size=8 count=31
        shlq $31, %rbx
        ret

        .globl t_shl_i32_8
t_shl_i32_8:  # kind=shift size=8 count=32
        shlq $32, %rbx
        ret

        .globl t_shl_i33_8
t_shl_i33_8:  # kind=shift size=8 count=33
        shlq $33, %rbx
        ret

        .globl t_shl_i63_8
t_shl_i63_8:  # kind=shift size=8 count=63
        shlq $63, %rbx
        ret

        .globl t_shl_cl_8
t_shl_cl_8:  # kind=shift size=8 count=cl
        shl %cl, %rdx
        ret

        .globl t_shl_m_8
t_shl_m_8:  # kind=shift size=8 count=cl
        shlq %cl, m3(%rip)
        ret

        .globl t_sal_1_1
t_sal_1_1:  # kind=shift size=1 count=1
        sal %al
        ret

        .globl t_sal_i0_1
t_sal_i0_1:  # kind=shift size=1 count=0
        salb $0, %bl
        ret

        .globl t_sal_i1_1
t_sal_i1_1:  # kind=shift size=1 count=1
        salb $1, %bl
        ret

        .globl t_sal_i3_1
t_sal_i3_1:  # kind=shift size=1 count=3
        salb $3, %bl
        ret

        .globl t_sal_i7_1
t_sal_i7_1:  # kind=shift size=1 count=7
        salb $7, %bl
        ret

        .globl t_sal_i8_1
t_sal_i8_1:  # kind=shift size=1 count=8
        salb $8, %bl
        ret

        .globl t_sal_i9_1
t_sal_i9_1:  # kind=shift size=1 count=9
        salb $9, %bl
        ret

        .globl t_sal_i15_1
t_sal_i15_1:  # kind=shift size=1 count=15
        salb $15, %bl
        ret

        .globl t_sal_i16_1
t_sal_i16_1:  # kind=shift size=1 count=16
        salb $16, %bl
        ret

        .globl t_sal_i17_1
t_sal_i17_1:  # kind=shift size=1 count=17
        salb $17, %bl
        ret

        .globl t_sal_i31_1
t_sal_i31_1:  # kind=shift size=1 count=31
        salb $31, %bl
        ret

        .globl t_sal_cl_1
t_sal_cl_1:  # kind=shift size=1 count=cl
        sal %cl, %dl
        ret

        .globl t_sal_m_1
t_sal_m_1:  # kind=shift size=1 count=cl
        salb %cl, m3(%rip)
        ret

        .globl t_sal_1_2
t_sal_1_2:  # kind=shift size=2 count=1
        sal %ax
        ret

        .globl t_sal_i0_2
t_sal_i0_2:  # kind=shift size=2 count=0
        salw $0, %bx
        ret

        .globl t_sal_i1_2
t_sal_i1_2:  # kind=shift size=2 count=1
        salw $1, %bx
        ret

        .globl t_sal_i3_2
t_sal_i3_2:  # kind=shift size=2 count=3
        salw $3, %bx
        ret

        .globl t_sal_i7_2
t_sal_i7_2:  # kind=shift size=2 count=7
        salw $7, %bx
        ret

        .globl t_sal_i8_2
t_sal_i8_2:  # kind=shift size=2 count=8
        salw $8, %bx
        ret

        .globl t_sal_i9_2
t_sal_i9_2:  # kind=shift size=2 count=9
        salw $9, %bx
        ret

        .globl t_sal_i15_2
t_sal_i15_2:  # kind=shift size=2 count=15
        salw $15, %bx
        ret

        .globl t_sal_i16_2
t_sal_i16_2:  # kind=shift size=2 count=16
        salw $16, %bx
        ret

        .globl t_sal_i17_2
t_sal_i17_2:  # kind=shift size=2 count=17
        salw $17, %bx
        ret

        .globl t_sal_i31_2
t_sal_i31_2:  # kind=shift size=2 count=31
        salw $31, %bx
        ret

        .globl t_sal_cl_2
t_sal_cl_2:  # kind=shift size=2 count=cl
        sal %cl, %dx
        ret

        .globl t_sal_m_2
t_sal_m_2:  # kind=shift size=2 count=cl
        salw %cl, m3(%rip)
        ret

        .globl t_sal_1_4
t_sal_1_4:  # kind=shift size=4 count=1
        sal %eax
        ret

        .globl t_sal_i0_4
t_sal_i0_4:  # kind=shift size=4 count=0
        sall $0, %ebx
        ret

        .globl t_sal_i1_4
t_sal_i1_4:  # kind=shift size=4 count=1
        sall $1, %ebx
        ret

        .globl t_sal_i3_4
t_sal_i3_4:  # kind=shift size=4 count=3
        sall $3, %ebx
        ret

        .globl t_sal_i7_4
t_sal_i7_4:  # kind=shift size=4 count=7
        sall $7, %ebx
        ret

        .globl t_sal_i8_4
t_sal_i8_4:  # kind=shift size=4 count=8
        sall $8, %ebx
        ret

        .globl t_sal_i9_4
t_sal_i9_4:  # kind=shift size=4 count=9
        sall $9, %ebx
        ret

        .globl t_sal_i15_4
t_sal_i15_4:  # kind=shift size=4 count=15
        sall $15, %ebx
        ret

        .globl t_sal_i16_4
t_sal_i16_4:  # kind=shift size=4 count=16
        sall $16, %ebx
        ret

        .globl t_sal_i17_4
t_sal_i17_4:  # kind=shift size=4 count=17
        sall $17, %ebx
        ret

        .globl t_sal_i31_4
t_sal_i31_4:  # kind=shift size=4 count=31
        sall $31, %ebx
        ret

        .globl t_sal_cl_4
t_sal_cl_4:  # kind=shift size=4 count=cl
        sal %cl, %edx
        ret

        .globl t_sal_m_4
t_sal_m_4:  # kind=shift size=4 count=cl
        sall %cl, m3(%rip)
        ret

        .globl t_sal_1_8
t_sal_1_8:  # kind=shift size=8 count=1
        sal %rax
        ret

        .globl t_sal_i0_8
t_sal_i0_8:  # kind=shift size=8 count=0
        salq $0, %rbx
        ret

        .globl t_sal_i1_8
t_sal_i1_8:  # kind=shift size=8 count=1
        salq $1, %rbx
        ret

        .globl t_sal_i3_8
t_sal_i3_8:  # kind=shift size=8 count=3
        salq $3, %rbx
        ret

        .globl t_sal_i7_8
t_sal_i7_8:  # kind=shift size=8 count=7
        salq $7, %rbx
        ret

        .globl t_sal_i8_8
t_sal_i8_8:  # kind=shift size=8 count=8
        salq $8, %rbx
        ret

        .globl t_sal_i9_8
t_sal_i9_8:  # kind=shift size=8 count=9
        salq $9, %rbx
        ret

        .globl t_sal_i15_8
t_sal_i15_8:  # kind=shift size=8 count=15
        salq $15, %rbx
        ret

        .globl t_sal_i16_8
t_sal_i16_8:  # kind=shift size=8 count=16
        salq $16, %rbx
        ret

        .globl t_sal_i17_8
t_sal_i17_8:  # kind=shift size=8 count=17
        salq $17, %rbx
        ret

        .globl t_sal_i31_8
t_sal_i31_8:  # kind=shift size=8 count=31
        salq $31, %rbx
        ret

        .globl t_sal_i32_8
t_sal_i32_8:  # kind=shift size=8 count=32
        salq $32, %rbx
        ret

        .globl t_sal_i33_8
t_sal_i33_8:  # kind=shift size=8 count=33
        salq $33, %rbx
        ret

        .globl t_sal_i63_8
t_sal_i63_8:  # kind=shift size=8 count=63
        salq $63, %rbx
        ret

        .globl t_sal_cl_8
t_sal_cl_8:  # kind=shift size=8 count=cl
        sal %cl, %rdx
        ret

        .globl t_sal_m_8
t_sal_m_8:  # kind=shift size=8 count=cl
        salq %cl, m3(%rip)
        ret

        .globl t_shr_1_1
t_shr_1_1:  # kind=shift size=1 count=1
        shr %al
        ret

        .globl t_shr_i0_1
t_shr_i0_1:  # kind=shift size=1 count=0
        shrb $0, %bl
        ret

        .globl t_shr_i1_1
t_shr_i1_1:  # kind=shift size=1 count=1
        shrb $1, %bl
        ret

        .globl t_shr_i3_1
t_shr_i3_1:  # kind=shift size=1 count=3
        shrb $3, %bl
        ret

        .globl t_shr_i7_1
t_shr_i7_1:  # kind=shift size=1 count=7
        shrb $7, %bl
        ret

        .globl t_shr_i8_1
t_shr_i8_1:  # kind=shift size=1 count=8
        shrb $8, %bl
        ret

        .globl t_shr_i9_1
t_shr_i9_1:  # kind=shift size=1 count=9
        shrb $9, %bl
        ret

        .globl t_shr_i15_1
t_shr_i15_1:  # kind=shift size=1 count=15
        shrb $15, %bl
        ret

        .globl t_shr_i16_1
t_shr_i16_1:  # kind=shift size=1 count=16
        shrb $16, %bl
        ret

        .globl t_shr_i17_1
t_shr_i17_1:  # kind=shift size=1 count=17
        shrb $17, %bl
        ret

        .globl t_shr_i31_1
t_shr_i31_1:  # kind=shift size=1 count=31
        shrb $31, %bl
        ret

        .globl t_shr_cl_1
t_shr_cl_1:  # kind=shift size=1 count=cl
        shr %cl, %dl
        ret

        .globl t_shr_m_1
t_shr_m_1:  # kind=shift size=1 count=cl
        shrb %cl, m3(%rip)
        ret

        .globl t_shr_1_2
t_shr_1_2:  # kind=shift size=2 count=1
        shr %ax
        ret

        .globl t_shr_i0_2
t_shr_i0_2:  # kind=shift size=2 count=0
        shrw $0, %bx
        ret

        .globl t_shr_i1_2
t_shr_i1_2:  # kind=shift size=2 count=1
        shrw $1, %bx
        ret

        .globl t_shr_i3_2
t_shr_i3_2:  # kind=shift size=2 count=3
        shrw $3, %bx
        ret

        .globl t_shr_i7_2
t_shr_i7_2:  # kind=shift size=2 count=7
        shrw $7, %bx
        ret

        .globl t_shr_i8_2
t_shr_i8_2:  # kind=shift size=2 count=8
        shrw $8, %bx
        ret

        .globl t_shr_i9_2
t_shr_i9_2:  # kind=shift size=2 count=9
        shrw $9, %bx
        ret

        .globl t_shr_i15_2
t_shr_i15_2:  # kind=shift size=2 count=15
        shrw $15, %bx
        ret

        .globl t_shr_i16_2
t_shr_i16_2:  # kind=shift size=2 count=16
        shrw $16, %bx
        ret

        .globl t_shr_i17_2
t_shr_i17_2:  # kind=shift size=2 count=17
        shrw $17, %bx
        ret

        .globl t_shr_i31_2
t_shr_i31_2:  # kind=shift size=2 count=31
        shrw $31, %bx
        ret

        .globl t_shr_cl_2
t_shr_cl_2:  # kind=shift size=2 count=cl
        shr %cl, %dx
        ret

        .globl t_shr_m_2
t_shr_m_2:  # kind=shift size=2 count=cl
        shrw %cl, m3(%rip)
        ret

        .globl t_shr_1_4
t_shr_1_4:  # kind=shift size=4 count=1
        shr %eax
        ret

        .globl t_shr_i0_4
t_shr_i0_4:  # kind=shift size=4 count=0
        shrl $0, %ebx
        ret

        .globl t_shr_i1_4
t_shr_i1_4:  # kind=shift size=4 count=1
        shrl $1, %ebx
        ret

        .globl t_shr_i3_4
t_shr_i3_4:  # kind=shift size=4 count=3
        shrl $3, %ebx
        ret

        .globl t_shr_i7_4
t_shr_i7_4:  # kind=shift size=4 count=7
        shrl $7, %ebx
        ret

        .globl t_shr_i8_4
t_shr_i8_4:  # kind=shift size=4 count=8
        shrl $8, %ebx
        ret

        .globl t_shr_i9_4
t_shr_i9_4:  # kind=shift size=4 count=9
        shrl $9, %ebx
        ret

        .globl t_shr_i15_4
t_shr_i15_4:  # kind=shift size=4 count=15
        shrl $15, %ebx
        ret

        .globl t_shr_i16_4
t_shr_i16_4:  # kind=shift size=4 count=16
        shrl $16, %ebx
        ret

        .globl t_shr_i17_4
t_shr_i17_4:  # kind=shift size=4 count=17
        shrl $17, %ebx
        ret

        .globl t_shr_i31_4
t_shr_i31_4:  # kind=shift size=4 count=31
        shrl $31, %ebx
        ret

        .globl t_shr_cl_4
t_shr_cl_4:  # kind=shift size=4 count=cl
        shr %cl, %edx
        ret

        .globl t_shr_m_4
t_shr_m_4:  # kind=shift size=4 count=cl
        shrl %cl, m3(%rip)
        ret

        .globl t_shr_1_8
t_shr_1_8:  # kind=shift size=8 count=1
        shr %rax
        ret

        .globl t_shr_i0_8
t_shr_i0_8:  # kind=shift size=8 count=0
        shrq $0, %rbx
        ret

        .globl t_shr_i1_8
t_shr_i1_8:  # kind=shift size=8 count=1
        shrq $1, %rbx
        ret

        .globl t_shr_i3_8
t_shr_i3_8:  # kind=shift size=8 count=3
        shrq $3, %rbx
        ret

        .globl t_shr_i7_8
t_shr_i7_8:  # kind=shift size=8 count=7
        shrq $7, %rbx
        ret

        .globl t_shr_i8_8
t_shr_i8_8:  # kind=shift size=8 count=8
        shrq $8, %rbx
        ret

        .globl t_shr_i9_8
t_shr_i9_8:  # kind=shift size=8 count=9
        shrq $9, %rbx
        ret

        .globl t_shr_i15_8
t_shr_i15_8:  # kind=shift size=8 count=15
        shrq $15, %rbx
        ret

        .globl t_shr_i16_8
t_shr_i16_8:  # kind=shift size=8 count=16
        shrq $16, %rbx
        ret

        .globl t_shr_i17_8
t_shr_i17_8:  # kind=shift size=8 count=17
        shrq $17, %rbx
        ret

        .globl t_shr_i31_8
t_shr_i31_8:  # kind=shift size=8 count=31
        shrq $31, %rbx
        ret

        .globl t_shr_i32_8
t_shr_i32_8:  # kind=shift size=8 count=32
        shrq $32, %rbx
        ret

        .globl t_shr_i33_8
t_shr_i33_8:  # kind=shift size=8 count=33
        shrq $33, %rbx
        ret

        .globl t_shr_i63_8
t_shr_i63_8:  # kind=shift size=8 count=63
        shrq $63, %rbx
        ret

        .globl t_shr_cl_8
t_shr_cl_8:  # kind=shift size=8 count=cl
        shr %cl, %rdx
        ret

        .globl t_shr_m_8
t_shr_m_8:  # kind=shift size=8 count=cl
        shrq %cl, m3(%rip)
        ret

        .globl t_sar_1_1
t_sar_1_1:  # kind=shift size=1 count=1
        sar %al
        ret

        .globl t_sar_i0_1
t_sar_i0_1:  # kind=shift size=1 count=0
        sarb $0, %bl
        ret

        .globl t_sar_i1_1
t_sar_i1_1:  # kind=shift size=1 count=1
        sarb $1, %bl
        ret

        .globl t_sar_i3_1
t_sar_i3_1:  # kind=shift size=1 count=3
        sarb $3, %bl
        ret

        .globl t_sar_i7_1
t_sar_i7_1:  # kind=shift size=1 count=7
        sarb $7, %bl
        ret

        .globl t_sar_i8_1
t_sar_i8_1:  # kind=shift size=1 count=8
        sarb $8, %bl
        ret

        .globl t_sar_i9_1
t_sar_i9_1:  # kind=shift size=1 count=9
        sarb $9, %bl
        ret

        .globl t_sar_i15_1
t_sar_i15_1:  # kind=shift size=1 count=15
        sarb $15, %bl
        ret

        .globl t_sar_i16_1
t_sar_i16_1:  # kind=shift size=1 count=16
        sarb $16, %bl
        ret

        .globl t_sar_i17_1
t_sar_i17_1:  # kind=shift size=1 count=17
        sarb $17, %bl
        ret

        .globl t_sar_i31_1
t_sar_i31_1:  # kind=shift size=1 count=31
        sarb $31, %bl
        ret

        .globl t_sar_cl_1
t_sar_cl_1:  # kind=shift size=1 count=cl
        sar %cl, %dl
        ret

        .globl t_sar_m_1
t_sar_m_1:  # kind=shift size=1 count=cl
        sarb %cl, m3(%rip)
        ret

        .globl t_sar_1_2
t_sar_1_2:  # kind=shift size=2 count=1
        sar %ax
        ret

        .globl t_sar_i0_2
t_sar_i0_2:  # kind=shift size=2 count=0
        sarw $0, %bx
        ret

        .globl t_sar_i1_2
t_sar_i1_2:  # kind=shift size=2 count=1
        sarw $1, %bx
        ret

        .globl t_sar_i3_2
t_sar_i3_2:  # kind=shift size=2 count=3
        sarw $3, %bx
        ret

        .globl t_sar_i7_2
t_sar_i7_2:  # kind=shift size=2 count=7
        sarw $7, %bx
        ret

        .globl t_sar_i8_2
t_sar_i8_2:  # kind=shift size=2 count=8
        sarw $8, %bx
        ret

        .globl t_sar_i9_2
t_sar_i9_2:  # kind=shift size=2 count=9
        sarw $9, %bx
        ret

        .globl t_sar_i15_2
t_sar_i15_2:  # kind=shift size=2 count=15
        sarw $15, %bx
        ret

        .globl t_sar_i16_2
t_sar_i16_2:  # kind=shift size=2 count=16
        sarw $16, %bx
        ret

        .globl t_sar_i17_2
t_sar_i17_2:  # kind=shift size=2 count=17
        sarw $17, %bx
        ret

        .globl t_sar_i31_2
t_sar_i31_2:  # kind=shift size=2 count=31
        sarw $31, %bx
        ret

        .globl t_sar_cl_2
t_sar_cl_2:  # kind=shift size=2 count=cl
        sar %cl, %dx
        ret

        .globl t_sar_m_2
t_sar_m_2:  # kind=shift size=2 count=cl
        sarw %cl, m3(%rip)
        ret

        .globl t_sar_1_4
t_sar_1_4:  # kind=shift size=4 count=1
        sar %eax
        ret

        .globl t_sar_i0_4
t_sar_i0_4:  # kind=shift size=4 count=0
        sarl $0, %ebx
        ret

        .globl t_sar_i1_4
t_sar_i1_4:  # kind=shift size=4 count=1
        sarl $1, %ebx
        ret

        .globl t_sar_i3_4
t_sar_i3_4:  # kind=shift size=4 count=3
        sarl $3, %ebx
        ret

        .globl t_sar_i7_4
t_sar_i7_4:  # kind=shift size=4 count=7
        sarl $7, %ebx
        ret

        .globl t_sar_i8_4
t_sar_i8_4:  # kind=shift size=4 count=8
        sarl $8, %ebx
        ret

        .globl t_sar_i9_4
t_sar_i9_4:  # kind=shift size=4 count=9
        sarl $9, %ebx
        ret

        .globl t_sar_i15_4
t_sar_i15_4:  # kind=shift size=4 count=15
        sarl $15, %ebx
        ret

        .globl t_sar_i16_4
t_sar_i16_4:  # kind=shift size=4 count=16
        sarl $16, %ebx
        ret

        .globl t_sar_i17_4
t_sar_i17_4:  # kind=shift size=4 count=17
        sarl $17, %ebx
        ret

        .globl t_sar_i31_4
t_sar_i31_4:  # kind=shift size=4 count=31
        sarl $31, %ebx
        ret

        .globl t_sar_cl_4
t_sar_cl_4:  # kind=shift size=4 count=cl
        sar %cl, %edx
        ret

        .globl t_sar_m_4
t_sar_m_4:  # kind=shift size=4 count=cl
        sarl %cl, m3(%rip)
        ret

        .globl t_sar_1_8
t_sar_1_8:  # kind=shift size=8 count=1
        sar %rax
        ret

        .globl t_sar_i0_8
t_sar_i0_8:  # kind=shift size=8 count=0
        sarq $0, %rbx
        ret

        .globl t_sar_i1_8
t_sar_i1_8:  # kind=shift size=8 count=1
        sarq $1, %rbx
        ret

        .globl t_sar_i3_8
t_sar_i3_8:  # kind=shift size=8 count=3
        sarq $3, %rbx
        ret

        .globl t_sar_i7_8
t_sar_i7_8:  # kind=shift size=8 count=7
        sarq $7, %rbx
        ret

        .globl t_sar_i8_8
t_sar_i8_8:  # kind=shift size=8 count=8
        sarq $8, %rbx
        ret

        .globl t_sar_i9_8
t_sar_i9_8:  # kind=shift size=8 count=9
        sarq $9, %rbx
        ret

        .globl t_sar_i15_8
t_sar_i15_8:  # kind=shift size=8 count=15
        sarq $15, %rbx
        ret

        .globl t_sar_i16_8
t_sar_i16_8:  # kind=shift size=8 count=16
        sarq $16, %rbx
        ret

        .globl t_sar_i17_8
t_sar_i17_8:  # kind=shift size=8 count=17
        sarq $17, %rbx
        ret

        .globl t_sar_i31_8
t_sar_i31_8:  # kind=shift size=8 count=31
        sarq $31, %rbx
        ret

        .globl t_sar_i32_8
t_sar_i32_8:  # kind=shift size=8 count=32
        sarq $32, %rbx
        ret

        .globl t_sar_i33_8
t_sar_i33_8:  # kind=shift size=8 count=33
        sarq $33, %rbx
        ret

        .globl t_sar_i63_8
t_sar_i63_8:  # kind=shift size=8 count=63
        sarq $63, %rbx
        ret

        .globl t_sar_cl_8
t_sar_cl_8:  # kind=shift size=8 count=cl
        sar %cl, %rdx
        ret

        .globl t_sar_m_8
t_sar_m_8:  # kind=shift size=8 count=cl
        sarq %cl, m3(%rip)
        ret

        .globl t_rol_1_1
t_rol_1_1:  # kind=rotate size=1 count=1
        rol %al
        ret

        .globl t_rol_i0_1
t_rol_i0_1:  # kind=rotate size=1 count=0
        rolb $0, %bl
        ret

        .globl t_rol_i1_1
t_rol_i1_1:  # kind=rotate size=1 count=1
        rolb $1, %bl
        ret

        .globl t_rol_i3_1
t_rol_i3_1:  # kind=rotate size=1 count=3
        rolb $3, %bl
        ret

        .globl t_rol_i7_1
t_rol_i7_1:  # kind=rotate size=1 count=7
        rolb $7, %bl
        ret

        .globl t_rol_i8_1
t_rol_i8_1:  # kind=rotate size=1 count=8
        rolb $8, %bl
        ret

        .globl t_rol_i9_1
t_rol_i9_1:  # kind=rotate size=1 count=9
        rolb $9, %bl
        ret

        .globl t_rol_i15_1
t_rol_i15_1:  # kind=rotate size=1 count=15
        rolb $15, %bl
        ret

        .globl t_rol_i16_1
t_rol_i16_1:  # kind=rotate size=1 count=16
        rolb $16, %bl
        ret

        .globl t_rol_i17_1
t_rol_i17_1:  # kind=rotate size=1 count=17
        rolb $17, %bl
        ret

        .globl t_rol_i31_1
t_rol_i31_1:  # kind=rotate size=1 count=31
        rolb $31, %bl
        ret

        .globl t_rol_cl_1
t_rol_cl_1:  # kind=rotate size=1 count=cl
        rol %cl, %dl
        ret

        .globl t_rol_m_1
t_rol_m_1:  # kind=rotate size=1 count=cl
        rolb %cl, m3(%rip)
        ret

        .globl t_rol_1_2
t_rol_1_2:  # kind=rotate size=2 count=1
        rol %ax
        ret

        .globl t_rol_i0_2
t_rol_i0_2:  # kind=rotate size=2 count=0
        rolw $0, %bx
        ret

        .globl t_rol_i1_2
t_rol_i1_2:  # kind=rotate size=2 count=1
        rolw $1, %bx
        ret

        .globl t_rol_i3_2
t_rol_i3_2:  # kind=rotate size=2 count=3
        rolw $3, %bx
        ret

        .globl t_rol_i7_2
t_rol_i7_2:  # kind=rotate size=2 count=7
        rolw $7, %bx
        ret

        .globl t_rol_i8_2
t_rol_i8_2:  # kind=rotate size=2 count=8
        rolw $8, %bx
        ret

        .globl t_rol_i9_2
t_rol_i9_2:  # kind=rotate size=2 count=9
        rolw $9, %bx
        ret

        .globl t_rol_i15_2
t_rol_i15_2:  # kind=rotate size=2 count=15
        rolw $15, %bx
        ret

        .globl t_rol_i16_2
t_rol_i16_2:  # kind=rotate size=2 count=16
        rolw $16, %bx
        ret

        .globl t_rol_i17_2
t_rol_i17_2:  # kind=rotate size=2 count=17
        rolw $17, %bx
        ret

        .globl t_rol_i31_2
t_rol_i31_2:  # kind=rotate size=2 count=31
        rolw $31, %bx
        ret

        .globl t_rol_cl_2
t_rol_cl_2:  # kind=rotate size=2 count=cl
        rol %cl, %dx
        ret

        .globl t_rol_m_2
t_rol_m_2:  # kind=rotate size=2 count=cl
        rolw %cl, m3(%rip)
        ret

        .globl t_rol_1_4
t_rol_1_4:  # kind=rotate size=4 count=1
        rol %eax
        ret

        .globl t_rol_i0_4
t_rol_i0_4:  # kind=rotate size=4 count=0
        roll $0, %ebx
        ret

        .globl t_rol_i1_4
t_rol_i1_4:  # kind=rotate size=4 count=1
        roll $1, %ebx
        ret

        .globl t_rol_i3_4
t_rol_i3_4:  # kind=rotate size=4 count=3
        roll $3, %ebx
        ret

        .globl t_rol_i7_4
t_rol_i7_4:  # kind=rotate size=4 count=7
        roll $7, %ebx
        ret

        .globl t_rol_i8_4
t_rol_i8_4:  # kind=rotate size=4 count=8
        roll $8, %ebx
        ret

        .globl t_rol_i9_4
t_rol_i9_4:  # kind=rotate size=4 count=9
        roll $9, %ebx
        ret

        .globl t_rol_i15_4
t_rol_i15_4:  # kind=rotate size=4 count=15
        roll $15, %ebx
        ret

        .globl t_rol_i16_4
t_rol_i16_4:  # kind=rotate size=4 count=16
        roll $16, %ebx
        ret

        .globl t_rol_i17_4
t_rol_i17_4:  # kind=rotate size=4 count=17
        roll $17, %ebx
        ret

        .globl t_rol_i31_4
t_rol_i31_4:  # kind=rotate size=4 count=31
        roll $31, %ebx
        ret

        .globl t_rol_cl_4
t_rol_cl_4:  # kind=rotate size=4 count=cl
        rol %cl, %edx
        ret

        .globl t_rol_m_4
t_rol_m_4:  # kind=rotate size=4 count=cl
        roll %cl, m3(%rip)
        ret

        .globl t_rol_1_8
t_rol_1_8:  # kind=rotate size=8 count=1
        rol %rax
        ret

        .globl t_rol_i0_8
t_rol_i0_8:  # kind=rotate size=8 count=0
        rolq $0, %rbx
        ret

        .globl t_rol_i1_8
t_rol_i1_8:  # kind=rotate size=8 count=1
        rolq $1, %rbx
        ret

        .globl t_rol_i3_8
t_rol_i3_8:  # kind=rotate size=8 count=3
        rolq $3, %rbx
        ret

        .globl t_rol_i7_8
t_rol_i7_8:  # kind=rotate size=8 count=7
        rolq $7, %rbx
        ret

        .globl t_rol_i8_8
t_rol_i8_8:  # kind=rotate size=8 count=8
        rolq $8, %rbx
        ret

        .globl t_rol_i9_8
t_rol_i9_8:  # kind=rotate size=8 count=9
        rolq $9, %rbx
        ret

        .globl t_rol_i15_8
t_rol_i15_8:  # kind=rotate size=8 count=15
        rolq $15, %rbx
        ret

        .globl t_rol_i16_8
t_rol_i16_8:  # kind=rotate size=8 count=16
        rolq $16, %rbx
        ret

        .globl t_rol_i17_8
t_rol_i17_8:  # kind=rotate size=8 count=17
        rolq $17, %rbx
        ret

        .globl t_rol_i31_8
t_rol_i31_8:  # kind=rotate size=8 count=31
        rolq $31, %rbx
        ret

        .globl t_rol_i32_8
t_rol_i32_8:  # kind=rotate size=8 count=32
        rolq $32, %rbx
        ret

        .globl t_rol_i33_8
t_rol_i33_8:  # kind=rotate size=8 count=33
        rolq $33, %rbx
        ret

        .globl t_rol_i63_8
t_rol_i63_8:  # kind=rotate size=8 count=63
        rolq $63, %rbx
        ret

        .globl t_rol_cl_8
t_rol_cl_8:  # kind=rotate size=8 count=cl
        rol %cl, %rdx
        ret

        .globl t_rol_m_8
t_rol_m_8:  # kind=rotate size=8 count=cl
        rolq %cl, m3(%rip)
        ret

        .globl t_ror_1_1
t_ror_1_1:  # kind=rotate size=1 count=1
        ror %al
        ret

        .globl t_ror_i0_1
t_ror_i0_1:  # kind=rotate size=1 count=0
        rorb $0, %bl
        ret

        .globl t_ror_i1_1
t_ror_i1_1:  # kind=rotate size=1 count=1
        rorb $1, %bl
        ret

        .globl t_ror_i3_1
t_ror_i3_1:  # kind=rotate size=1 count=3
        rorb $3, %bl
        ret

        .globl t_ror_i7_1
t_ror_i7_1:  # kind=rotate size=1 count=7
        rorb $7, %bl
        ret

        .globl t_ror_i8_1
t_ror_i8_1:  # kind=rotate size=1 count=8
        rorb $8, %bl
        ret

        .globl t_ror_i9_1
t_ror_i9_1:  # kind=rotate size=1 count=9
        rorb $9, %bl
        ret

        .globl t_ror_i15_1
t_ror_i15_1:  # kind=rotate size=1 count=15
        rorb $15, %bl
        ret

        .globl t_ror_i16_1
t_ror_i16_1:  # kind=rotate size=1 count=16
        rorb $16, %bl
        ret

        .globl t_ror_i17_1
t_ror_i17_1:  # kind=rotate size=1 count=17
        rorb $17, %bl
        ret

        .globl t_ror_i31_1
t_ror_i31_1:  # kind=rotate size=1 count=31
        rorb $31, %bl
        ret

        .globl t_ror_cl_1
t_ror_cl_1:  # kind=rotate size=1 count=cl
        ror %cl, %dl
        ret

        .globl t_ror_m_1
t_ror_m_1:  # kind=rotate size=1 count=cl
        rorb %cl, m3(%rip)
        ret

        .globl t_ror_1_2
t_ror_1_2:  # kind=rotate size=2 count=1
        ror %ax
        ret

        .globl t_ror_i0_2
t_ror_i0_2:  # kind=rotate size=2 count=0
        rorw $0, %bx
        ret

        .globl t_ror_i1_2
t_ror_i1_2:  # kind=rotate size=2 count=1
        rorw $1, %bx
        ret

        .globl t_ror_i3_2
t_ror_i3_2:  # kind=rotate size=2 count=3
        rorw $3, %bx
        ret

        .globl t_ror_i7_2
t_ror_i7_2:  # kind=rotate size=2 count=7
        rorw $7, %bx
        ret

        .globl t_ror_i8_2
t_ror_i8_2:  # kind=rotate size=2 count=8
        rorw $8, %bx
        ret

        .globl t_ror_i9_2
t_ror_i9_2:  # kind=rotate size=2 count=9
        rorw $9, %bx
        ret

        .globl t_ror_i15_2
t_ror_i15_2:  # kind=rotate size=2 count=15
        rorw $15, %bx
        ret

        .globl t_ror_i16_2
t_ror_i16_2:  # kind=rotate size=2 count=16
        rorw $16, %bx
        ret

        .globl t_ror_i17_2
t_ror_i17_2:  # kind=rotate size=2 count=17
        rorw $17, %bx
        ret

        .globl t_ror_i31_2
t_ror_i31_2:  # kind=rotate size=2 count=31
        rorw $31, %bx
        ret

        .globl t_ror_cl_2
t_ror_cl_2:  # kind=rotate size=2 count=cl
        ror %cl, %dx
        ret

        .globl t_ror_m_2
t_ror_m_2:  # kind=rotate size=2 count=cl
        rorw %cl, m3(%rip)
        ret

        .globl t_ror_1_4
t_ror_1_4:  # kind=rotate size=4 count=1
        ror %eax
        ret

        .globl t_ror_i0_4
t_ror_i0_4:  # kind=rotate size=4 count=0
        rorl $0, %ebx
        ret

        .globl t_ror_i1_4
t_ror_i1_4:  # kind=rotate size=4 count=1
        rorl $1, %ebx
        ret

        .globl t_ror_i3_4
t_ror_i3_4:  # kind=rotate size=4 count=3
        rorl $3, %ebx
        ret

        .globl t_ror_i7_4
t_ror_i7_4:  # kind=rotate size=4 count=7
        rorl $7, %ebx
        ret

        .globl t_ror_i8_4
t_ror_i8_4:  # kind=rotate size=4 count=8
        rorl $8, %ebx
        ret

        .globl t_ror_i9_4
t_ror_i9_4:  # kind=rotate size=4 count=9
        rorl $9, %ebx
        ret

        .globl t_ror_i15_4
t_ror_i15_4:  # kind=rotate size=4 count=15
        rorl $15, %ebx
        ret

        .globl t_ror_i16_4
t_ror_i16_4:  # kind=rotate size=4 count=16
        rorl $16, %ebx
        ret

        .globl t_ror_i17_4
t_ror_i17_4:  # kind=rotate size=4 count=17
        rorl $17, %ebx
        ret

        .globl t_ror_i31_4
t_ror_i31_4:  # kind=rotate size=4 count=31
        rorl $31, %ebx
        ret

        .globl t_ror_cl_4
t_ror_cl_4:  # kind=rotate size=4 count=cl
        ror %cl, %edx
        ret

        .globl t_ror_m_4
t_ror_m_4:  # kind=rotate size=4 count=cl
        rorl %cl, m3(%rip)
        ret

        .globl t_ror_1_8
t_ror_1_8:  # kind=rotate size=8 count=1
        ror %rax
        ret

        .globl t_ror_i0_8
t_ror_i0_8:  # kind=rotate size=8 count=0
        rorq $0, %rbx
        ret

        .globl t_ror_i1_8
t_ror_i1_8:  # kind=rotate size=8 count=1
        rorq $1, %rbx
        ret

        .globl t_ror_i3_8
t_ror_i3_8:  # kind=rotate size=8 count=3
        rorq $3, %rbx
        ret

        .globl t_ror_i7_8
t_ror_i7_8:  # kind=rotate size=8 count=7
        rorq $7, %rbx
        ret

        .globl t_ror_i8_8
t_ror_i8_8:  # kind=rotate size=8 count=8
        rorq $8, %rbx
        ret

        .globl t_ror_i9_8
t_ror_i9_8:  # kind=rotate size=8 count=9
        rorq $9, %rbx
        ret

        .globl t_ror_i15_8
t_ror_i15_8:  # kind=rotate size=8 count=15
        rorq $15, %rbx
        ret

        .globl t_ror_i16_8
t_ror_i16_8:  # kind=rotate size=8 count=16
        rorq $16, %rbx
        ret

        .globl t_ror_i17_8
t_ror_i17_8:  # kind=rotate size=8 count=17
        rorq $17, %rbx
        ret

        .globl t_ror_i31_8
t_ror_i31_8:  # kind=rotate size=8 count=31
        rorq $31, %rbx
        ret

        .globl t_ror_i32_8
t_ror_i32_8:  # kind=rotate size=8 count=32
        rorq $32, %rbx
        ret

        .globl t_ror_i33_8
t_ror_i33_8:  # kind=rotate size=8 count=33
        rorq $33, %rbx
        ret

        .globl t_ror_i63_8
t_ror_i63_8:  # kind=rotate size=8 count=63
        rorq $63, %rbx
        ret

        .globl t_ror_cl_8
t_ror_cl_8:  # kind=rotate size=8 count=cl
        ror %cl, %rdx
        ret

        .globl t_ror_m_8
t_ror_m_8:  # kind=rotate size=8 count=cl
        rorq %cl, m3(%rip)
        ret

        .globl t_mul_1
t_mul_1:  # flags=cf,of
        mul %bl
        ret

        .globl t_imul1_1
t_imul1_1:  # flags=cf,of
        imul %bl
        ret

        .globl t_mulm_1
t_mulm_1:  # flags=cf,of
        mulb m1(%rip)
        ret

        .globl t_mul_2
t_mul_2:  # flags=cf,of
        mul %bx
        ret

        .globl t_imul1_2
t_imul1_2:  # flags=cf,of
        imul %bx
        ret

        .globl t_mulm_2
t_mulm_2:  # flags=cf,of
        mulw m1(%rip)
        ret

        .globl t_imul2_2
t_imul2_2:  # flags=cf,of
        imul %cx, %dx
        ret

        .globl t_imul2m_2
t_imul2m_2:  # flags=cf,of
        imul m0(%rip), %di
        ret

        .globl t_imul3_2
t_imul3_2:  # flags=cf,of
        imul $0x7fff, %cx, %dx
        ret

        .globl t_imul3n_2
t_imul3n_2:  # flags=cf,of
        imul $-7, m1(%rip), %dx
        ret

        .globl t_imul2i_2
t_imul2i_2:  # flags=cf,of
        imul $100, %r10w
        ret

        .globl t_mul_4
t_mul_4:  # flags=cf,of
        mul %ebx
        ret

        .globl t_imul1_4
t_imul1_4:  # flags=cf,of
        imul %ebx
        ret

        .globl t_mulm_4
t_mulm_4:  # flags=cf,of
        mull m1(%rip)
        ret

        .globl t_imul2_4
t_imul2_4:  # flags=cf,of
        imul %ecx, %edx
        ret

        .globl t_imul2m_4
t_imul2m_4:  # flags=cf,of
        imul m0(%rip), %esi
        ret

        .globl t_imul3_4
t_imul3_4:  # flags=cf,of
        imul $0x7fffffff, %ecx, %edx
        ret

        .globl t_imul3n_4
t_imul3n_4:  # flags=cf,of
        imul $-7, m1(%rip), %edx
        ret

        .globl t_imul2i_4
t_imul2i_4:  # flags=cf,of
        imul $100, %r9d
        ret

        .globl t_mul_8
t_mul_8:  # flags=cf,of
        mul %rbx
        ret

        .globl t_imul1_8
t_imul1_8:  # flags=cf,of
        imul %rbx
        ret

        .globl t_mulm_8
t_mulm_8:  # flags=cf,of
        mulq m1(%rip)
        ret

        .globl t_imul2_8
t_imul2_8:  # flags=cf,of
        imul %rcx, %rdx
        ret

        .globl t_imul2m_8
t_imul2m_8:  # flags=cf,of
        imul m0(%rip), %rsi
        ret

        .globl t_imul3_8
t_imul3_8:  # flags=cf,of
        imul $0x7fffffff, %rcx, %rdx
        ret

        .globl t_imul3n_8
t_imul3n_8:  # flags=cf,of
        imul $-7, m1(%rip), %rdx
        ret

        .globl t_imul2i_8
t_imul2i_8:  # flags=cf,of
        imul $100, %rdi
        ret

        .globl t_div_1
t_div_1:  # flags=none fixup=div size=1
        div %bl
        ret

        .globl t_idiv_1
t_idiv_1:  # flags=none fixup=idiv size=1
        idiv %bl
        ret

        .globl t_div_2
t_div_2:  # flags=none fixup=div size=2
        div %bx
        ret

        .globl t_idiv_2
t_idiv_2:  # flags=none fixup=idiv size=2
        idiv %bx
        ret

        .globl t_div_4
t_div_4:  # flags=none fixup=div size=4
        div %ebx
        ret

        .globl t_idiv_4
t_idiv_4:  # flags=none fixup=idiv size=4
        idiv %ebx
        ret

        .globl t_div_8
t_div_8:  # flags=none fixup=div size=8
        div %rbx
        ret

        .globl t_idiv_8
t_idiv_8:  # flags=none fixup=idiv size=8
        idiv %rbx
        ret

        .globl t_divm_8
t_divm_8:  # flags=none fixup=divm size=8
        divq m0(%rip)
        ret

        .globl t_bt_rr_2
t_bt_rr_2:  # flags=cf
        bt %bx, %cx
        ret

        .globl t_bt_i0_2
t_bt_i0_2:  # flags=cf
        btw $0, %cx
        ret

        .globl t_bt_i5_2
t_bt_i5_2:  # flags=cf
        btw $5, %cx
        ret

        .globl t_bt_i15_2
t_bt_i15_2:  # flags=cf
        btw $15, %cx
        ret

        .globl t_bt_i19_2
t_bt_i19_2:  # flags=cf
        btw $19, %cx
        ret

        .globl t_bt_mi_2
t_bt_mi_2:  # flags=cf
        btw $14, m1(%rip)
        ret

        .globl t_bt_mr_2
t_bt_mr_2:  # flags=cf fixup=bitoff reg=dx size=2
        bt %dx, bitbase(%rip)
        ret

        .globl t_bt_rr_4
t_bt_rr_4:  # flags=cf
        bt %ebx, %ecx
        ret

        .globl t_bt_i0_4
t_bt_i0_4:  # flags=cf
        btl $0, %ecx
        ret

        .globl t_bt_i5_4
t_bt_i5_4:  # flags=cf
        btl $5, %ecx
        ret

        .globl t_bt_i31_4
t_bt_i31_4:  # flags=cf
        btl $31, %ecx
        ret

        .globl t_bt_i35_4
t_bt_i35_4:  # flags=cf
        btl $35, %ecx
        ret

        .globl t_bt_mi_4
t_bt_mi_4:  # flags=cf
        btl $30, m1(%rip)
        ret

        .globl t_bt_mr_4
t_bt_mr_4:  # flags=cf fixup=bitoff reg=edx size=4
        bt %edx, bitbase(%rip)
        ret

        .globl t_bt_rr_8
t_bt_rr_8:  # flags=cf
        bt %rbx, %rcx
        ret

        .globl t_bt_i0_8
t_bt_i0_8:  # flags=cf
        btq $0, %rcx
        ret

        .globl t_bt_i5_8
t_bt_i5_8:  # flags=cf
        btq $5, %rcx
        ret

        .globl t_bt_i63_8
t_bt_i63_8:  # flags=cf
        btq $63, %rcx
        ret

        .globl t_bt_i67_8
t_bt_i67_8:  # flags=cf
        btq $67, %rcx
        ret

        .globl t_bt_mi_8
t_bt_mi_8:  # flags=cf
        btq $62, m1(%rip)
        ret

        .globl t_bt_mr_8
t_bt_mr_8:  # flags=cf fixup=bitoff reg=rdx size=8
        bt %rdx, bitbase(%rip)
        ret

        .globl t_bts_rr_2
t_bts_rr_2:  # flags=cf
        bts %bx, %cx
        ret

        .globl t_bts_i0_2
t_bts_i0_2:  # flags=cf
        btsw $0, %cx
        ret

        .globl t_bts_i5_2
t_bts_i5_2:  # flags=cf
        btsw $5, %cx
        ret

        .globl t_bts_i15_2
t_bts_i15_2:  # flags=cf
        btsw $15, %cx
        ret

        .globl t_bts_i19_2
t_bts_i19_2:  # flags=cf
        btsw $19, %cx
        ret

        .globl t_bts_mi_2
t_bts_mi_2:  # flags=cf
        btsw $14, m1(%rip)
        ret

        .globl t_bts_mr_2
t_bts_mr_2:  # flags=cf fixup=bitoff reg=dx size=2
        bts %dx, bitbase(%rip)
        ret

        .globl t_bts_rr_4
t_bts_rr_4:  # flags=cf
        bts %ebx, %ecx
        ret

        .globl t_bts_i0_4
t_bts_i0_4:  # flags=cf
        btsl $0, %ecx
        ret

        .globl t_bts_i5_4
t_bts_i5_4:  # flags=cf
        btsl $5, %ecx
        ret

        .globl t_bts_i31_4
t_bts_i31_4:  # flags=cf
        btsl $31, %ecx
        ret

        .globl t_bts_i35_4
t_bts_i35_4:  # flags=cf
        btsl $35, %ecx
        ret

        .globl t_bts_mi_4
t_bts_mi_4:  # flags=cf
        btsl $30, m1(%rip)
        ret

        .globl t_bts_mr_4
t_bts_mr_4:  # flags=cf fixup=bitoff reg=edx size=4
        bts %edx, bitbase(%rip)
        ret

        .globl t_bts_rr_8
t_bts_rr_8:  # flags=cf
        bts %rbx, %rcx
        ret

        .globl t_bts_i0_8
t_bts_i0_8:  # flags=cf
        btsq $0, %rcx
        ret

        .globl t_bts_i5_8
t_bts_i5_8:  # flags=cf
        btsq $5, %rcx
        ret

        .globl t_bts_i63_8
t_bts_i63_8:  # flags=cf
        btsq $63, %rcx
        ret

        .globl t_bts_i67_8
t_bts_i67_8:  # flags=cf
        btsq $67, %rcx
        ret

        .globl t_bts_mi_8
t_bts_mi_8:  # flags=cf
        btsq $62, m1(%rip)
        ret

        .globl t_bts_mr_8
t_bts_mr_8:  # flags=cf fixup=bitoff reg=rdx size=8
        bts %rdx, bitbase(%rip)
        ret

        .globl t_lock_bts
t_lock_bts:  # flags=cf fixup=bitoff reg=rdx size=8
        lock btsq %rdx, bitbase(%rip)
        ret

        .globl t_btr_rr_2
t_btr_rr_2:  # flags=cf
        btr %bx, %cx
        ret

        .globl t_btr_i0_2
t_btr_i0_2:  # flags=cf
        btrw $0, %cx
        ret

        .globl t_btr_i5_2
t_btr_i5_2:  # flags=cf
        btrw $5, %cx
        ret

        .globl t_btr_i15_2
t_btr_i15_2:  # flags=cf
        btrw $15, %cx
        ret

        .globl t_btr_i19_2
t_btr_i19_2:  # flags=cf
        btrw $19, %cx
        ret

        .globl t_btr_mi_2
t_btr_mi_2:  # flags=cf
        btrw $14, m1(%rip)
        ret

        .globl t_btr_mr_2
t_btr_mr_2:  # flags=cf fixup=bitoff reg=dx size=2
        btr %dx, bitbase(%rip)
        ret

        .globl t_btr_rr_4
t_btr_rr_4:  # flags=cf
        btr %ebx, %ecx
        ret

        .globl t_btr_i0_4
t_btr_i0_4:  # flags=cf
        btrl $0, %ecx
        ret

        .globl t_btr_i5_4
t_btr_i5_4:  # flags=cf
        btrl $5, %ecx
        ret

        .globl t_btr_i31_4
t_btr_i31_4:  # flags=cf
        btrl $31, %ecx
        ret

        .globl t_btr_i35_4
t_btr_i35_4:  # flags=cf
        btrl $35, %ecx
        ret

        .globl t_btr_mi_4
t_btr_mi_4:  # flags=cf
        btrl $30, m1(%rip)
        ret

        .globl t_btr_mr_4
t_btr_mr_4:  # flags=cf fixup=bitoff reg=edx size=4
        btr %edx, bitbase(%rip)
        ret

        .globl t_btr_rr_8
t_btr_rr_8:  # flags=cf
        btr %rbx, %rcx
        ret

        .globl t_btr_i0_8
t_btr_i0_8:  # flags=cf
        btrq $0, %rcx
        ret

        .globl t_btr_i5_8
t_btr_i5_8:  # flags=cf
        btrq $5, %rcx
        ret

        .globl t_btr_i63_8
t_btr_i63_8:  # flags=cf
        btrq $63, %rcx
        ret

        .globl t_btr_i67_8
t_btr_i67_8:  # flags=cf
        btrq $67, %rcx
        ret

        .globl t_btr_mi_8
t_btr_mi_8:  # flags=cf
        btrq $62, m1(%rip)
        ret

        .globl t_btr_mr_8
t_btr_mr_8:  # flags=cf fixup=bitoff reg=rdx size=8
        btr %rdx, bitbase(%rip)
        ret

        .globl t_lock_btr
t_lock_btr:  # flags=cf fixup=bitoff reg=rdx size=8
        lock btrq %rdx, bitbase(%rip)
        ret

        .globl t_btc_rr_2
t_btc_rr_2:  # flags=cf
        btc %bx, %cx
        ret

        .globl t_btc_i0_2
t_btc_i0_2:  # flags=cf
        btcw $0, %cx
        ret

        .globl t_btc_i5_2
t_btc_i5_2:  # flags=cf
        btcw $5, %cx
        ret

        .globl t_btc_i15_2
t_btc_i15_2:  # flags=cf
        btcw $15, %cx
        ret

        .globl t_btc_i19_2
t_btc_i19_2:  # flags=cf
        btcw $19, %cx
        ret

        .globl t_btc_mi_2
t_btc_mi_2:  # flags=cf
        btcw $14, m1(%rip)
        ret

        .globl t_btc_mr_2
t_btc_mr_2:  # flags=cf fixup=bitoff reg=dx size=2
        btc %dx, bitbase(%rip)
        ret

        .globl t_btc_rr_4
t_btc_rr_4:  # flags=cf
        btc %ebx, %ecx
        ret

        .globl t_btc_i0_4
t_btc_i0_4:  # flags=cf
        btcl $0, %ecx
        ret

        .globl t_btc_i5_4
t_btc_i5_4:  # flags=cf
        btcl $5, %ecx
        ret

        .globl t_btc_i31_4
t_btc_i31_4:  # flags=cf
        btcl $31, %ecx
        ret

        .globl t_btc_i35_4
t_btc_i35_4:  # flags=cf
        btcl $35, %ecx
        ret

        .globl t_btc_mi_4
t_btc_mi_4:  # flags=cf
        btcl $30, m1(%rip)
        ret

        .globl t_btc_mr_4
t_btc_mr_4:  # flags=cf fixup=bitoff reg=edx size=4
        btc %edx, bitbase(%rip)
        ret

        .globl t_btc_rr_8
t_btc_rr_8:  # flags=cf
        btc %rbx, %rcx
        ret

        .globl t_btc_i0_8
t_btc_i0_8:  # flags=cf
        btcq $0, %rcx
        ret

        .globl t_btc_i5_8
t_btc_i5_8:  # flags=cf
        btcq $5, %rcx
        ret

        .globl t_btc_i63_8
t_btc_i63_8:  # flags=cf
        btcq $63, %rcx
        ret

        .globl t_btc_i67_8
t_btc_i67_8:  # flags=cf
        btcq $67, %rcx
        ret

        .globl t_btc_mi_8
t_btc_mi_8:  # flags=cf
        btcq $62, m1(%rip)
        ret

        .globl t_btc_mr_8
t_btc_mr_8:  # flags=cf fixup=bitoff reg=rdx size=8
        btc %rdx, bitbase(%rip)
        ret

        .globl t_lock_btc
t_lock_btc:  # flags=cf fixup=bitoff reg=rdx size=8
        lock btcq %rdx, bitbase(%rip)
        ret

        .globl t_xchg_rr_1
t_xchg_rr_1:  # flags=all
        xchg %bl, %cl
        ret

        .globl t_xchg_rm_1
t_xchg_rm_1:  # flags=all
        xchg %bl, m1(%rip)
        ret

        .globl t_xchg_mr_1
t_xchg_mr_1:  # flags=all
        xchg m2(%rip), %dl
        ret

        .globl t_xadd_rr_1
t_xadd_rr_1:  # flags=all
        xadd %bl, %cl
        ret

        .globl t_xadd_m_1
t_xadd_m_1:  # flags=all
        lock xadd %bl, m1(%rip)
        ret

        .globl t_cmpxchg_rr_1
t_cmpxchg_rr_1:  # flags=all fixup=cmpxchg_reg reg=cl
        cmpxchg %bl, %cl
        ret

        .globl t_cmpxchg_m_1
t_cmpxchg_m_1:  # flags=all fixup=cmpxchg_mem size=1
        lock cmpxchg %bl, m1(%rip)
        ret

        .globl t_xchg_rr_2
t_xchg_rr_2:  # flags=all
        xchg %bx, %cx
        ret

        .globl t_xchg_rm_2
t_xchg_rm_2:  # flags=all
        xchg %bx, m1(%rip)
        ret

        .globl t_xchg_mr_2
t_xchg_mr_2:  # flags=all
        xchg m2(%rip), %dx
        ret

        .globl t_xadd_rr_2
t_xadd_rr_2:  # flags=all
        xadd %bx, %cx
        ret

        .globl t_xadd_m_2
t_xadd_m_2:  # flags=all
        lock xadd %bx, m1(%rip)
        ret

        .globl t_cmpxchg_rr_2
t_cmpxchg_rr_2:  # flags=all fixup=cmpxchg_reg reg=cx
        cmpxchg %bx, %cx
        ret

        .globl t_cmpxchg_m_2
t_cmpxchg_m_2:  # flags=all fixup=cmpxchg_mem size=2
        lock cmpxchg %bx, m1(%rip)
        ret

        .globl t_xchg_rr_4
t_xchg_rr_4:  # flags=all
        xchg %ebx, %ecx
        ret

        .globl t_xchg_rm_4
t_xchg_rm_4:  # flags=all
        xchg %ebx, m1(%rip)
        ret

        .globl t_xchg_mr_4
t_xchg_mr_4:  # flags=all
        xchg m2(%rip), %edx
        ret

        .globl t_xadd_rr_4
t_xadd_rr_4:  # flags=all
        xadd %ebx, %ecx
        ret

        .globl t_xadd_m_4
t_xadd_m_4:  # flags=all
        lock xadd %ebx, m1(%rip)
        ret

        .globl t_cmpxchg_rr_4
t_cmpxchg_rr_4:  # flags=all fixup=cmpxchg_reg reg=ecx
        cmpxchg %ebx, %ecx
        ret

        .globl t_cmpxchg_m_4
t_cmpxchg_m_4:  # flags=all fixup=cmpxchg_mem size=4
        lock cmpxchg %ebx, m1(%rip)
        ret

        .globl t_xchg_rr_8
t_xchg_rr_8:  # flags=all
        xchg %rbx, %rcx
        ret

        .globl t_xchg_rm_8
t_xchg_rm_8:  # flags=all
        xchg %rbx, m1(%rip)
        ret

        .globl t_xchg_mr_8
t_xchg_mr_8:  # flags=all
        xchg m2(%rip), %rdx
        ret

        .globl t_xadd_rr_8
t_xadd_rr_8:  # flags=all
        xadd %rbx, %rcx
        ret

        .globl t_xadd_m_8
t_xadd_m_8:  # flags=all
        lock xadd %rbx, m1(%rip)
        ret

        .globl t_cmpxchg_rr_8
t_cmpxchg_rr_8:  # flags=all fixup=cmpxchg_reg reg=rcx
        cmpxchg %rbx, %rcx
        ret

        .globl t_cmpxchg_m_8
t_cmpxchg_m_8:  # flags=all fixup=cmpxchg_mem size=8
        lock cmpxchg %rbx, m1(%rip)
        ret

        .globl t_xadd_same
t_xadd_same:  # flags=all
        xadd %rax, %rax
        ret

        .globl t_cmpxchg8b
t_cmpxchg8b:  # flags=zf fixup=cmpxchg8b
        lock cmpxchg8b m0(%rip)
        ret

        .globl t_cmpxchg16b
t_cmpxchg16b:  # flags=zf fixup=cmpxchg16b
        lock cmpxchg16b m0(%rip)
        ret

        .globl t_seto
t_seto:  # flags=all
        seto %bl
        seto m0(%rip)
        ret

        .globl t_cmovo_q
t_cmovo_q:  # flags=all
        cmovo %rbx, %rax
        cmovol m1(%rip), %ecx
        cmovow %si, %di
        ret

        .globl t_jo
t_jo:  # flags=all
        jo 1f
        mov $1, %eax
        ret
1:      mov $2, %eax
        ret

        .globl t_setno
t_setno:  # flags=all
        setno %bl
        setno m0(%rip)
        ret

        .globl t_cmovno_q
t_cmovno_q:  # flags=all
        cmovno %rbx, %rax
        cmovnol m1(%rip), %ecx
        cmovnow %si, %di
        ret

        .globl t_jno
t_jno:  # flags=all
        jno 1f
        mov $1, %eax
        ret
1:      mov $2, %eax
        ret

        .globl t_setb
t_setb:  # flags=all
        setb %bl
        setb m0(%rip)
        ret

        .globl t_cmovb_q
t_cmovb_q:  # flags=all
        cmovb %rbx, %rax
        cmovbl m1(%rip), %ecx
        cmovbw %si, %di
        ret

        .globl t_jb
t_jb:  # flags=all
        jb 1f
        mov $1, %eax
        ret
1:      mov $2, %eax
        ret

        .globl t_setc
t_setc:  # flags=all
        setc %bl
        setc m0(%rip)
        ret

        .globl t_cmovc_q
t_cmovc_q:  # flags=all
        cmovc %rbx, %rax
        cmovcl m1(%rip), %ecx
        cmovcw %si, %di
        ret

        .globl t_jc
t_jc:  # flags=all
        jc 1f
        mov $1, %eax
        ret
1:      mov $2, %eax
        ret

        .globl t_setnae
t_setnae:  # flags=all
        setnae %bl
        setnae m0(%rip)
        ret

        .globl t_cmovnae_q
t_cmovnae_q:  # flags=all
        cmovnae %rbx, %rax
        cmovnael m1(%rip), %ecx
        cmovnaew %si, %di
        ret

        .globl t_jnae
t_jnae:  # flags=all
        jnae 1f
        mov $1, %eax
        ret
1:      mov $2, %eax
        ret

        .globl t_setae
t_setae:  # flags=all
        setae %bl
        setae m0(%rip)
        ret

        .globl t_cmovae_q
t_cmovae_q:  # flags=all
        cmovae %rbx, %rax
        cmovael m1(%rip), %ecx
        cmovaew %si, %di
        ret

        .globl t_jae
t_jae:  # flags=all
        jae 1f
        mov $1, %eax
        ret
1:      mov $2, %eax
        ret

        .globl t_setnb
t_setnb:  # flags=all
        setnb %bl
        setnb m0(%rip)
        ret

        .globl t_cmovnb_q
t_cmovnb_q:  # flags=all
        cmovnb %rbx, %rax
        cmovnbl m1(%rip), %ecx
        cmovnbw %si, %di
        ret

        .globl t_jnb
t_jnb:  # flags=all
        jnb 1f
        mov $1, %eax
        ret
1:      mov $2, %eax
        ret

        .globl t_setnc
t_setnc:  # flags=all
        setnc %bl
        setnc m0(%rip)
        ret

        .globl t_cmovnc_q
t_cmovnc_q:  # flags=all
        cmovnc %rbx, %rax
        cmovncl m1(%rip), %ecx
        cmovncw %si, %di
        ret

        .globl t_jnc
t_jnc:  # flags=all
        jnc 1f
        mov $1, %eax
        ret
1:      mov $2, %eax
        ret

        .globl t_sete
t_sete:  # flags=all
        sete %bl
        sete m0(%rip)
        ret

        .globl t_cmove_q
t_cmove_q:  # flags=all
        cmove %rbx, %rax
        cmovel m1(%rip), %ecx
        cmovew %si, %di
        ret

        .globl t_je
t_je:  # flags=all
        je 1f
        mov $1, %eax
        ret
1:      mov $2, %eax
        ret

        .globl t_setz
t_setz:  # flags=all
        setz %bl
        setz m0(%rip)
        ret

        .globl t_cmovz_q
t_cmovz_q:  # flags=all
        cmovz %rbx, %rax
        cmovzl m1(%rip), %ecx
        cmovzw %si, %di
        ret

        .globl t_jz
t_jz:  # flags=all
        jz 1f
        mov $1, %eax
        ret
1:      mov $2, %eax
        ret

        .globl t_setne
t_setne:  # flags=all
        setne %bl
        setne m0(%rip)
        ret

        .globl t_cmovne_q
t_cmovne_q:  # flags=all
        cmovne %rbx, %rax
        cmovnel m1(%rip), %ecx
        cmovnew %si, %di
        ret

        .globl t_jne
t_jne:  # flags=all
        jne 1f
        mov $1, %eax
        ret
1:      mov $2, %eax
        ret

        .globl t_setnz
t_setnz:  # flags=all
        setnz %bl
        setnz m0(%rip)
        ret

        .globl t_cmovnz_q
t_cmovnz_q:  # flags=all
        cmovnz %rbx, %rax
        cmovnzl m1(%rip), %ecx
        cmovnzw %si, %di
        ret

        .globl t_jnz
t_jnz:  # flags=all
        jnz 1f
        mov $1, %eax
        ret
1:      mov $2, %eax
        ret

        .globl t_setbe
t_setbe:  # flags=all
        setbe %bl
        setbe m0(%rip)
        ret

        .globl t_cmovbe_q
t_cmovbe_q:  # flags=all
        cmovbe %rbx, %rax
        cmovbel m1(%rip), %ecx
        cmovbew %si, %di
        ret

        .globl t_jbe
t_jbe:  # flags=all
        jbe 1f
        mov $1, %eax
        ret
1:      mov $2, %eax
        ret

        .globl t_setna
t_setna:  # flags=all
        setna %bl
        setna m0(%rip)
        ret

        .globl t_cmovna_q
t_cmovna_q:  # flags=all
        cmovna %rbx, %rax
        cmovnal m1(%rip), %ecx
        cmovnaw %si, %di
        ret

        .globl t_jna
t_jna:  # flags=all
        jna 1f
        mov $1, %eax
        ret
1:      mov $2, %eax
        ret

        .globl t_seta
t_seta:  # flags=all
        seta %bl
        seta m0(%rip)
        ret

        .globl t_cmova_q
t_cmova_q:  # flags=all
        cmova %rbx, %rax
        cmoval m1(%rip), %ecx
        cmovaw %si, %di
        ret

        .globl t_ja
t_ja:  # flags=all
        ja 1f
        mov $1, %eax
        ret
1:      mov $2, %eax
        ret

        .globl t_setnbe
t_setnbe:  # flags=all
        setnbe %bl
        setnbe m0(%rip)
        ret

        .globl t_cmovnbe_q
t_cmovnbe_q:  # flags=all
        cmovnbe %rbx, %rax
        cmovnbel m1(%rip), %ecx
        cmovnbew %si, %di
        ret

        .globl t_jnbe
t_jnbe:  # flags=all
        jnbe 1f
        mov $1, %eax
        ret
1:      mov $2, %eax
        ret

        .globl t_sets
t_sets:  # flags=all
        sets %bl
        sets m0(%rip)
        ret

        .globl t_cmovs_q
t_cmovs_q:  # flags=all
        cmovs %rbx, %rax
        cmovsl m1(%rip), %ecx
        cmovsw %si, %di
        ret

        .globl t_js
t_js:  # flags=all
        js 1f
        mov $1, %eax
        ret
1:      mov $2, %eax
        ret

        .globl t_setns
t_setns:  # flags=all
        setns %bl
        setns m0(%rip)
        ret

        .globl t_cmovns_q
t_cmovns_q:  # flags=all
        cmovns %rbx, %rax
        cmovnsl m1(%rip), %ecx
        cmovnsw %si, %di
        ret

        .globl t_jns
t_jns:  # flags=all
        jns 1f
        mov $1, %eax
        ret
1:      mov $2, %eax
        ret

        .globl t_setp
t_setp:  # flags=all
        setp %bl
        setp m0(%rip)
        ret

        .globl t_cmovp_q
t_cmovp_q:  # flags=all
        cmovp %rbx, %rax
        cmovpl m1(%rip), %ecx
        cmovpw %si, %di
        ret

        .globl t_jp
t_jp:  # flags=all
        jp 1f
        mov $1, %eax
        ret
1:      mov $2, %eax
        ret

        .globl t_setpe
t_setpe:  # flags=all
        setpe %bl
        setpe m0(%rip)
        ret

        .globl t_cmovpe_q
t_cmovpe_q:  # flags=all
        cmovpe %rbx, %rax
        cmovpel m1(%rip), %ecx
        cmovpew %si, %di
        ret

        .globl t_jpe
t_jpe:  # flags=all
        jpe 1f
        mov $1, %eax
        ret
1:      mov $2, %eax
        ret

        .globl t_setnp
t_setnp:  # flags=all
        setnp %bl
        setnp m0(%rip)
        ret

        .globl t_cmovnp_q
t_cmovnp_q:  # flags=all
        cmovnp %rbx, %rax
        cmovnpl m1(%rip), %ecx
        cmovnpw %si, %di
        ret

        .globl t_jnp
t_jnp:  # flags=all
        jnp 1f
        mov $1, %eax
        ret
1:      mov $2, %eax
        ret

        .globl t_setpo
t_setpo:  # flags=all
        setpo %bl
        setpo m0(%rip)
        ret

        .globl t_cmovpo_q
t_cmovpo_q:  # flags=all
        cmovpo %rbx, %rax
        cmovpol m1(%rip), %ecx
        cmovpow %si, %di
        ret

        .globl t_jpo
t_jpo:  # flags=all
        jpo 1f
        mov $1, %eax
        ret
1:      mov $2, %eax
        ret

        .globl t_setl
t_setl:  # flags=all
        setl %bl
        setl m0(%rip)
        ret

        .globl t_cmovl_q
t_cmovl_q:  # flags=all
        cmovl %rbx, %rax
        cmovll m1(%rip), %ecx
        cmovlw %si, %di
        ret

        .globl t_jl
t_jl:  # flags=all
        jl 1f
        mov $1, %eax
        ret
1:      mov $2, %eax
        ret

        .globl t_setnge
t_setnge:  # flags=all
        setnge %bl
        setnge m0(%rip)
        ret

        .globl t_cmovnge_q
t_cmovnge_q:  # flags=all
        cmovnge %rbx, %rax
        cmovngel m1(%rip), %ecx
        cmovngew %si, %di
        ret

        .globl t_jnge
t_jnge:  # flags=all
        jnge 1f
        mov $1, %eax
        ret
1:      mov $2, %eax
        ret

        .globl t_setge
t_setge:  # flags=all
        setge %bl
        setge m0(%rip)
        ret

        .globl t_cmovge_q
t_cmovge_q:  # flags=all
        cmovge %rbx, %rax
        cmovgel m1(%rip), %ecx
        cmovgew %si, %di
        ret

        .globl t_jge
t_jge:  # flags=all
        jge 1f
        mov $1, %eax
        ret
1:      mov $2, %eax
        ret

        .globl t_setnl
t_setnl:  # flags=all
        setnl %bl
        setnl m0(%rip)
        ret

        .globl t_cmovnl_q
t_cmovnl_q:  # flags=all
        cmovnl %rbx, %rax
        cmovnll m1(%rip), %ecx
        cmovnlw %si, %di
        ret

        .globl t_jnl
t_jnl:  # flags=all
        jnl 1f
        mov $1, %eax
        ret
1:      mov $2, %eax
        ret

        .globl t_setle
t_setle:  # flags=all
        setle %bl
        setle m0(%rip)
        ret

        .globl t_cmovle_q
t_cmovle_q:  # flags=all
        cmovle %rbx, %rax
        cmovlel m1(%rip), %ecx
        cmovlew %si, %di
        ret

        .globl t_jle
t_jle:  # flags=all
        jle 1f
        mov $1, %eax
        ret
1:      mov $2, %eax
        ret

        .globl t_setng
t_setng:  # flags=all
        setng %bl
        setng m0(%rip)
        ret

        .globl t_cmovng_q
t_cmovng_q:  # flags=all
        cmovng %rbx, %rax
        cmovngl m1(%rip), %ecx
        cmovngw %si, %di
        ret

        .globl t_jng
t_jng:  # flags=all
        jng 1f
        mov $1, %eax
        ret
1:      mov $2, %eax
        ret

        .globl t_setg
t_setg:  # flags=all
        setg %bl
        setg m0(%rip)
        ret

        .globl t_cmovg_q
t_cmovg_q:  # flags=all
        cmovg %rbx, %rax
        cmovgl m1(%rip), %ecx
        cmovgw %si, %di
        ret

        .globl t_jg
t_jg:  # flags=all
        jg 1f
        mov $1, %eax
        ret
1:      mov $2, %eax
        ret

        .globl t_setnle
t_setnle:  # flags=all
        setnle %bl
        setnle m0(%rip)
        ret

        .globl t_cmovnle_q
t_cmovnle_q:  # flags=all
        cmovnle %rbx, %rax
        cmovnlel m1(%rip), %ecx
        cmovnlew %si, %di
        ret

        .globl t_jnle
t_jnle:  # flags=all
        jnle 1f
        mov $1, %eax
        ret
1:      mov $2, %eax
        ret

        .globl t_movzx_all
t_movzx_all:  # flags=all
        movzbl %bl, %eax
        movzbw %cl, %dx
        movzbq %sil, %rdi
        movzwl %r8w, %r9d
        movzwq %bx, %r10
        movzx %bl, %r11
        ret

        .globl t_movsx_all
t_movsx_all:  # flags=all
        movsbl %bl, %eax
        movsbw %cl, %dx
        movsbq %sil, %rdi
        movswl %r8w, %r9d
        movswq %bx, %r10
        movslq %ecx, %r11
        movsx %bl, %r12
        ret

        .globl t_movzx_mem
t_movzx_mem:  # flags=all
        movzbl m0+3(%rip), %eax
        movzwq m1(%rip), %rbx
        movsbq m2+7(%rip), %rcx
        movswl m3(%rip), %edx
        movslq m1+4(%rip), %rsi
        ret

        .globl t_cvt
t_cvt:  # flags=all
        cbtw
        mov %rbx, %rax
        cwtl
        mov %rcx, %rdx
        cltq
        xchg %rax, %rsi
        mov %rdi, %rax
        cqto
        ret

        .globl t_cvt2
t_cvt2:  # flags=all
        cwtd
        mov %rbx, %rax
        cltd
        ret

        .globl t_cvt_intel
t_cvt_intel:  # flags=all
        cbw
        cwde
        cdqe
        cqo
        cdq
        cwd
        ret

        .globl t_mov_sizes
t_mov_sizes:  # flags=all
        mov %ebx, %eax
        mov %cx, %dx
        mov %sil, %dil
        movq $-2, %r8
        movl $-2, %r9d
        movw $-2, %r10w
        movb $-2, %r11b
        movabs $0x123456789abcdef0, %r12
        movq $0x80000000, %r13
        ret

        .globl t_mov_mem
t_mov_mem:  # flags=all
        mov %rbx, m0(%rip)
        movl %ecx, m1+4(%rip)
        movw $0x1234, m2+2(%rip)
        movb $-1, m3+7(%rip)
        mov m1(%rip), %rsi
        movl m0+2(%rip), %edi
        ret

        .globl t_lea
t_lea:  # flags=all
        lea 8(%rax,%rbx,4), %rcx
        lea -3(%rdx,%rsi), %edi
        lea 0x7fff(,%r8,8), %r9w
        lea (%rax), %r10
        lea 12(,%rbx,2), %r11d
        ret

        .globl t_cmc_etc
t_cmc_etc:  # flags=all
        cmc
        setc %al
        stc
        setc %bl
        clc
        setc %cl
        cmc
        nop
        pause
        mfence
        lfence
        sfence
        nopl 0(%rax)
        endbr64
        nopw %cs:0x0(%rax,%rax,1)
        ret

        .globl t_segment_base0
t_segment_base0:  # flags=all
        movq %ds:m1(%rip), %rax
        movq %rax, %ss:m0(%rip)
        addq %es:m1(%rip), %rbx
        movq %cs:m0(%rip), %rcx
        ret

        .globl t_pushpop
t_pushpop:  # flags=all
        push %rbx
        pushq $-5
        pushw $7
        popw %ax
        pop %rcx
        push m0(%rip)
        pop m1(%rip)
        pop %rdx
        push %rdx
         pop %rsi
        ret

        .globl t_pushf
t_pushf:  # flags=all
        add %rbx, %rax
        pushf
        pop %rcx
        ret

        .globl t_popf
t_popf:  # flags=all fixup=popf
        push %rbx
        popf
        ret

        .globl t_call
t_call:  # flags=cf,of
        call 1f
        add $1, %rax
        jmp 2f
        1: add $2, %rax
        ret
        2: lea 3f(%rip), %rcx
        call *%rcx
        mov $0, %ecx
        jmp 4f
        3: imul $3, %rax, %rax
        ret
        4: nop
        ret

        .globl t_leave
t_leave:  # flags=all
        push %rbp
        mov %rsp, %rbp
        lea -32(%rsp), %rsp
        movq $5, -8(%rbp)
        mov -8(%rbp), %rax
        leave
        ret

        .globl t_jmp_table
t_jmp_table:  # flags=all
        and $3, %ebx
        lea table(%rip), %rcx
        jmp *(%rcx,%rbx,8)
        jt1: mov $11, %eax
        jmp 5f
        jt2: mov $22, %eax
        jmp 5f
        jt3: mov $33, %eax
        jmp 5f
        jt4: mov $44, %eax
        5: mov $0, %ecx
        ret

        .globl t_syntax_expr
t_syntax_expr:  # flags=all
        mov $(1<<4)|3, %eax
        add $'a', %eax
        mov $K_TWO*K_TWO+1, %ebx
        sub $-(3-5), %rbx
        mov $0b1011, %ecx
        mov $017, %edx
        movq $K_NEG, %rsi
        ret

        .globl t_syntax_addr
t_syntax_addr:  # flags=all
        mov m0+8(%rip), %rax
        mov m0, %rbx
        mov $2, %ecx
        mov snip_data(,%rcx,8), %rdx
        movq $7, snip_data+8(,%rcx,4)
        lea m1, %rsi
        sub $m0, %rsi
        mov %gs:m2, %rdi
        mov $0, %ecx
        ret

        .globl t_syntax_seps
t_syntax_seps:  # flags=all
        mov $1, %eax ; add $2, %eax /* inline */ ; add $3, %eax # trailing
        lock; incq m0(%rip)
        ret

        .globl t_syntax_loop
t_syntax_loop:  # flags=all
        mov $10, %ecx
        xor %eax, %eax
        1: add %ecx, %eax
        dec %ecx
        jnz 1b
        jmp 1f
        mov $99, %eax
        1: nop
        ret

        .data
        .p2align 4
        .globl snip_data
snip_data:
m0:     .quad 0
m1:     .quad 0
m2:     .quad 0
m3:     .quad 0
        .zero 64
bitbase: .zero 72
        .globl snip_data_end
snip_data_end:
        .section .rodata
        .p2align 3
table:  .quad jt1, jt2, jt3, jt4
        .section .note.GNU-stack,"",@progbits
