package com.example.it.admin;

public final class Admin {
    public static void main(String[] args) {
        System.out.println("Admin");
    }
}
